package dev.linkpulse.ops.slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where every SLO stands at one instant: its objective, how much of the error budget its period has left, the burn
 * rate over each alarm window, and which of its alarms are in ALARM; then the signal alarms that protect no SLO (the
 * moderation saga's, say) that are in ALARM. What {@code linkpulse slo status} prints.
 */
record SloStatus(String stack, Instant at, Duration budgetPeriod, List<Duration> windows, List<Entry> slos, List<Alarm> otherAlarms) {

  /**
   * One SLO. {@code budgetLeft} is the share of the period's error budget not yet spent (1 untouched, 0 spent,
   * negative overspent), null when the SLO has no burn rate (an alarms SLO). {@code burn} maps each window to its
   * burn rate (1 spends the budget exactly over the period), null where the window saw no traffic.
   */
  record Entry(String id, String title, BigDecimal objective, String kind, Double budgetLeft, Map<Duration, Double> burn,
      List<Alarm> inAlarm) {}

  /** An alarm of the SLO in ALARM: its full name, and who it notifies (page, ticket, or none for a window alarm). */
  record Alarm(String name, String notifies, String runbook) {}
}
