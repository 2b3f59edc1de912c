package dev.linkpulse.emulators.codedeploy;

import java.util.List;
import java.util.Map;

/**
 * Whether a deployment may go on, given its alarm configuration and what was read. The user guide: "If any of the
 * specified alarms are activated, the deployment stops"; "Ignore alarm configuration" (enabled false) lets
 * deployments proceed regardless; {@code ignorePollAlarmFailure}: "false: The deployment stops if alarm status
 * information can't be retrieved from Amazon CloudWatch".
 */
final class AlarmRule {
  static final String ALARM = "ALARM";

  /** The verdict: go on, or stop with AWS's {@code ALARM_ACTIVE} message. */
  record Verdict(boolean proceed, List<String> activeAlarms, String message) {
    static final Verdict PROCEED = new Verdict(true, List.of(), null);
  }

  private AlarmRule() {}

  /** @param states what the reader returned, or {@code null} if reading failed */
  static Verdict evaluate(AlarmConfiguration config, Map<String, String> states) {
    if (!config.watches()) return Verdict.PROCEED;
    List<String> unread = states == null ? config.alarms() : config.alarms().stream().filter(a -> !states.containsKey(a)).toList();
    List<String> active = states == null ? List.of() : config.alarms().stream().filter(a -> ALARM.equals(states.get(a))).toList();
    if (!active.isEmpty()) {
      return new Verdict(false, active, "One or more alarms have been activated according to the Amazon CloudWatch metrics "
          + "you selected, and the affected deployments have been stopped. Activated alarms: " + String.join(", ", active));
    }
    if (!unread.isEmpty() && !config.ignorePollAlarmFailure()) {
      return new Verdict(false, List.of(), "The deployment was stopped because the state of alarms "
          + String.join(", ", unread) + " could not be retrieved from Amazon CloudWatch (ignorePollAlarmFailure is false)");
    }
    return Verdict.PROCEED;
  }
}
