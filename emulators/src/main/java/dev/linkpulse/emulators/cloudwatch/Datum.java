package dev.linkpulse.emulators.cloudwatch;

import java.time.Instant;

/**
 * One metric datum as PutMetricData and EMF deliver it: a value, a values/counts pair, or a statistic set, with
 * its unit and storage resolution (1 = high resolution, kept per second; 60 = standard, kept per minute).
 */
record Datum(MetricId metric, Instant timestamp, String unit, int resolution, double[] values, double[] counts,
    StatisticSet set) {
  record StatisticSet(double sampleCount, double sum, double minimum, double maximum) {}

  static Datum value(MetricId metric, Instant timestamp, String unit, int resolution, double value) {
    return new Datum(metric, timestamp, unit, resolution, new double[] {value}, new double[] {1}, null);
  }

  void addTo(Aggregate a) {
    if (set != null) {
      a.addSet(set.sampleCount(), set.sum(), set.minimum(), set.maximum());
      return;
    }
    for (int i = 0; i < values.length; i++) a.addValue(values[i], counts[i]);
  }
}
