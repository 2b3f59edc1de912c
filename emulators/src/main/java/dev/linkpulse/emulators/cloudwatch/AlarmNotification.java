package dev.linkpulse.emulators.cloudwatch;

import java.time.Instant;

/**
 * One alarm action delivered: the alarm {@code alarmName} changed from {@code oldState} to {@code newState} and
 * notified {@code target} (an SNS topic ARN, as in AlarmActions/OKActions/InsufficientDataActions). {@code message}
 * is the JSON CloudWatch publishes to the topic (AlarmName, NewStateValue, NewStateReason, Trigger, ...).
 *
 * @param target the action ARN that was invoked
 * @param alarmName the alarm's name
 * @param alarmArn the alarm's ARN
 * @param oldState OK, ALARM or INSUFFICIENT_DATA
 * @param newState OK, ALARM or INSUFFICIENT_DATA
 * @param reason the new StateReason
 * @param timestamp when the state changed (timeline time)
 * @param message the notification body, JSON
 */
public record AlarmNotification(String target, String alarmName, String alarmArn, String oldState, String newState,
    String reason, Instant timestamp, String message) {}
