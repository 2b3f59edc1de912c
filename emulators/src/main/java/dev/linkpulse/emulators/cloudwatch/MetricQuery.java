package dev.linkpulse.emulators.cloudwatch;

/**
 * One MetricDataQuery of GetMetricData or of a metric-math alarm: either a metric with its statistic and period,
 * or an expression over the other queries' Ids. {@code parsed} is the expression's syntax tree.
 */
record MetricQuery(String id, String label, boolean returnData, MetricStat metricStat, String expression, MathNode parsed) {
  /** A metric, a period (seconds), a statistic and an optional unit filter. */
  record MetricStat(MetricId metric, long period, Statistic stat, String unit) {}

  String labelOrDefault() {
    if (label != null && !label.isEmpty()) return label;
    return metricStat != null ? metricStat.metric().name() : id;
  }
}
