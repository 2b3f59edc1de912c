package dev.linkpulse.gatling;

import java.util.List;
import java.util.random.RandomGenerator;

/** Values drawn with fixed relative weights. Immutable. */
final class Weighted<T> {
  private final List<T> values;
  private final double[] cumulative;

  Weighted(List<T> values, List<Double> weights) {
    if (values.isEmpty() || values.size() != weights.size()) throw new IllegalArgumentException("one weight per value, and at least one value");
    this.values = List.copyOf(values);
    this.cumulative = new double[weights.size()];
    double sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      if (!(weights.get(i) > 0)) throw new IllegalArgumentException("weights must be positive, got " + weights.get(i) + " for " + values.get(i));
      sum += weights.get(i);
      cumulative[i] = sum;
    }
  }

  T draw(RandomGenerator random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) return values.get(i);
    }
    return values.get(values.size() - 1);
  }

  List<T> values() {
    return values;
  }
}
