package dev.linkpulse.core;

/**
 * Pearson's chi-square statistic of observed counts against a uniform expectation: how the tests of anything that
 * must spread evenly (hash buckets, code symbols) tell "uniform" from "skewed" without a statistics library.
 */
public final class ChiSquare {
  private ChiSquare() {}

  /** Sum over buckets of (observed - expected)^2 / expected, where expected is the mean count; df = buckets - 1. */
  public static double of(long[] counts) {
    long total = 0;
    for (long c : counts) total += c;
    double expected = total / (double) counts.length;
    double sum = 0;
    for (long c : counts) sum += (c - expected) * (c - expected) / expected;
    return sum;
  }
}
