package dev.linkpulse.emulators.cloudwatch;

import java.util.List;

/**
 * A metric alarm as PutMetricAlarm defined it: on one metric ({@code metric}, {@code statistic}, {@code period})
 * or on a metric-math expression ({@code metrics}, one of which returns data).
 */
record MetricAlarm(String name, String description, boolean actionsEnabled, AlarmActions actions,
    MetricId metric, String statistic, boolean extendedStatistic, long period, String unit, List<MetricQuery> metrics,
    int evaluationPeriods, int datapointsToAlarm, double threshold, Comparison comparison, TreatMissingData treatMissingData,
    String evaluateLowSampleCountPercentile) {

  boolean isMath() {
    return metrics != null;
  }

  /** The queries the alarm runs: its own, or one MetricStat for a single-metric alarm. */
  List<MetricQuery> queries() {
    if (metrics != null) return metrics;
    return List.of(new MetricQuery("m1", null, true,
        new MetricQuery.MetricStat(metric, period, Statistic.parse(statistic), unit), null, null));
  }

  /** The period of the evaluated series: the alarm's, or that of the metrics its expression reads (all alike). */
  long evaluationPeriod() {
    if (metrics == null) return period;
    return metrics.stream().filter(q -> q.metricStat() != null).mapToLong(q -> q.metricStat().period()).findFirst().orElseThrow();
  }

  /**
   * The missing-data rule in force: alarms on AWS/DynamoDB metrics always ignore missing data, whatever they
   * were configured with (PutMetricAlarm reference).
   */
  TreatMissingData effectiveTreatMissingData() {
    boolean dynamo = metrics == null ? metric.namespace().equals("AWS/DynamoDB")
        : metrics.stream().anyMatch(q -> q.metricStat() != null && q.metricStat().metric().namespace().equals("AWS/DynamoDB"));
    return dynamo ? TreatMissingData.IGNORE : treatMissingData;
  }
}
