package dev.linkpulse.emulators.cloudwatch;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistic by its CloudWatch name: {@code SampleCount}, {@code Average}, {@code Sum}, {@code Minimum},
 * {@code Maximum}, or a percentile {@code p0}..{@code p100} with up to two decimals ({@code p99}, {@code p99.9}).
 * Trimmed means and the other extended statistics are refused: nothing here needs them.
 */
record Statistic(String name, Kind kind, double percentile) {
  enum Kind { SAMPLE_COUNT, AVERAGE, SUM, MINIMUM, MAXIMUM, PERCENTILE }

  private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,2})?|100(\\.0{1,2})?)");

  /** null when {@code name} is not a statistic this emulator computes. */
  static Statistic parse(String name) {
    if (name == null) return null;
    switch (name) {
      case "SampleCount": return new Statistic(name, Kind.SAMPLE_COUNT, 0);
      case "Average": return new Statistic(name, Kind.AVERAGE, 0);
      case "Sum": return new Statistic(name, Kind.SUM, 0);
      case "Minimum": return new Statistic(name, Kind.MINIMUM, 0);
      case "Maximum": return new Statistic(name, Kind.MAXIMUM, 0);
      default:
        Matcher m = PERCENTILE.matcher(name.toLowerCase(Locale.ROOT));
        if (!name.startsWith("p") || !m.matches()) return null;
        return new Statistic(name, Kind.PERCENTILE, Double.parseDouble(name.substring(1)));
    }
  }

  static boolean isStandard(String name) {
    Statistic s = parse(name);
    return s != null && s.kind != Kind.PERCENTILE;
  }

  /** The statistic of a bucket, or null when it has none (no samples, or percentiles unavailable). */
  Double of(Aggregate a) {
    if (a.count() == 0) return null;
    return switch (kind) {
      case SAMPLE_COUNT -> a.count();
      case AVERAGE -> a.sum() / a.count();
      case SUM -> a.sum();
      case MINIMUM -> a.min();
      case MAXIMUM -> a.max();
      case PERCENTILE -> a.percentile(percentile);
    };
  }

  /**
   * Too few samples for this percentile to mean much (the alarm guide: fewer than 10/(1-p) samples for p >= 0.5,
   * fewer than 10/p below); only percentile alarms with EvaluateLowSampleCountPercentile=ignore ask.
   */
  boolean lowSampleCount(double samples) {
    if (kind != Kind.PERCENTILE) return false;
    double p = percentile / 100;
    if (p >= 1 || p <= 0) return false;
    return samples < (p >= 0.5 ? 10 / (1 - p) : 10 / p);
  }
}
