package dev.linkpulse.emulators.cloudwatch;

import java.util.Map;
import java.util.TreeMap;

/**
 * What CloudWatch keeps of the values in one time bucket: sum, count, minimum, maximum, and the value distribution
 * that percentiles need. A statistic set can only join the distribution when it describes one value (SampleCount 1,
 * or Minimum equal to Maximum); any other set, or any negative value, makes percentiles unavailable for the bucket,
 * as the CloudWatch user guide states for statistic sets and negative values.
 */
final class Aggregate {
  private double sum;
  private double count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private TreeMap<Double, Double> distribution = new TreeMap<>();

  void addValue(double value, double weight) {
    sum += value * weight;
    count += weight;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (distribution == null) return;
    if (value < 0) distribution = null;
    else distribution.merge(value, weight, Double::sum);
  }

  void addSet(double sampleCount, double setSum, double setMin, double setMax) {
    if (sampleCount == 1 || setMin == setMax) {
      if (distribution != null && setMin >= 0) distribution.merge(setMin, sampleCount, Double::sum);
      else distribution = null;
    } else {
      distribution = null;
    }
    sum += setSum;
    count += sampleCount;
    min = Math.min(min, setMin);
    max = Math.max(max, setMax);
  }

  void merge(Aggregate other) {
    sum += other.sum;
    count += other.count;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (distribution == null || other.distribution == null) distribution = null;
    else other.distribution.forEach((v, w) -> distribution.merge(v, w, Double::sum));
  }

  /** An empty aggregate that keeps only sum, count, minimum and maximum: cheaper when no percentile is asked. */
  static Aggregate totalsOnly() {
    Aggregate a = new Aggregate();
    a.distribution = null;
    return a;
  }

  double sum() {
    return sum;
  }

  double count() {
    return count;
  }

  double min() {
    return min;
  }

  double max() {
    return max;
  }

  /**
   * The nearest-rank percentile: the smallest stored value with at least {@code p}% of the samples at or below
   * it; null when percentiles are unavailable for this bucket.
   */
  Double percentile(double p) {
    if (distribution == null || count == 0) return null;
    double rank = p / 100 * count;
    double seen = 0;
    for (Map.Entry<Double, Double> e : distribution.entrySet()) {
      seen += e.getValue();
      if (seen >= rank - 1e-9) return e.getKey();
    }
    return distribution.lastKey();
  }
}
