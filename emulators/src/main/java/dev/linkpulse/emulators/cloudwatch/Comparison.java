package dev.linkpulse.emulators.cloudwatch;

import java.util.Set;

/** PutMetricAlarm's ComparisonOperator for static thresholds. */
enum Comparison {
  GreaterThanOrEqualToThreshold("greater than or equal to"),
  GreaterThanThreshold("greater than"),
  LessThanThreshold("less than"),
  LessThanOrEqualToThreshold("less than or equal to");

  /** Anomaly-detection operators: valid on AWS (with ThresholdMetricId), not evaluated here. */
  static final Set<String> ANOMALY = Set.of("LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold");

  private final String phrase;

  Comparison(String phrase) {
    this.phrase = phrase;
  }

  boolean breaches(double value, double threshold) {
    return switch (this) {
      case GreaterThanOrEqualToThreshold -> value >= threshold;
      case GreaterThanThreshold -> value > threshold;
      case LessThanThreshold -> value < threshold;
      case LessThanOrEqualToThreshold -> value <= threshold;
    };
  }

  /** As the StateReason says it: "greater than or equal to". */
  String phrase() {
    return phrase;
  }

  static Comparison parse(String name) {
    for (Comparison c : values()) if (c.name().equals(name)) return c;
    return null;
  }
}
