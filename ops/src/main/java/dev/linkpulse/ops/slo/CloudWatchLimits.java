package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.SpecException;
import java.time.Duration;

/**
 * The limits CloudWatch enforces when the alarms are deployed, checked when they are rendered: a rule broken here
 * would otherwise surface as a failed stack update.
 */
final class CloudWatchLimits {
  /** A metric-math alarm may reference at most 10 metrics (CloudWatch, alarm-limits). */
  static final int MAX_METRICS_PER_ALARM = 10;
  /** CloudWatch alarm ranges at 1-minute resolution end at one day (period < 1h: period x N <= 86400 s). */
  static final int MAX_MINUTES = 1440;
  /** Room left in a description for the substituted prefix and runbook base URL (AlarmDescription <= 1024). */
  static final int DESCRIPTION_BUDGET = 1024 - 160;

  private CloudWatchLimits() {}

  /**
   * An alarm period is at most a day; period x N is at most 7 days, and at most 1 day when the period is under an
   * hour. {@code where} names the entry in the message ("slos.yaml: alarms[2] (clicks-dlq-not-empty)").
   */
  static void checkEvaluationRange(Duration period, int evaluation, String where) {
    long p = period.getSeconds();
    if (p > Durations.DAY) throw new SpecException(where + ".period may be at most 1d (CloudWatch alarm periods), got " + Durations.label(period));
    long range = p * evaluation;
    if (p < 3600 && range > Durations.DAY) {
      throw new SpecException(where + ": period x N = " + range + " s; with a period under 1h CloudWatch evaluates at most 1 day (86400 s)");
    }
    if (range > Durations.WEEK) throw new SpecException(where + ": period x N = " + range + " s; CloudWatch evaluates at most 7 days (604800 s)");
  }

  static void checkDescription(String alarmName, String description) {
    if (description.length() > DESCRIPTION_BUDGET) {
      throw new SpecException("the description of alarm " + alarmName + " is " + description.length()
          + " characters; keep it under " + DESCRIPTION_BUDGET + " (CloudWatch allows 1024 after substitution)");
    }
  }
}
