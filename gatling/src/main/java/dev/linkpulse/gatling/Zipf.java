package dev.linkpulse.gatling;

import java.util.Arrays;

/**
 * Zipf popularity over {@code n} links: the link of rank k (1-based) is drawn with probability proportional to
 * 1/k^s. With s = 1.1 over 100 links the top link takes about a fifth of the clicks and the tail still gets some,
 * the shape link popularity has in practice. Immutable and thread-safe: the caller brings the randomness.
 */
final class Zipf {
  private final double[] cumulative;

  Zipf(int n, double s) {
    if (n < 1) throw new IllegalArgumentException("a Zipf distribution needs at least one rank, got " + n);
    cumulative = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1 / Math.pow(k, s);
      cumulative[k - 1] = sum;
    }
    for (int i = 0; i < n; i++) cumulative[i] /= sum;
  }

  /** The rank (0-based) that a uniform {@code u} in [0, 1) falls on. */
  int rank(double u) {
    int i = Arrays.binarySearch(cumulative, u);
    int rank = i >= 0 ? i + 1 : -i - 1;
    return Math.min(rank, cumulative.length - 1);
  }

  int size() {
    return cumulative.length;
  }
}
