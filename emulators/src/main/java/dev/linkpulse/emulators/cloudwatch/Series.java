package dev.linkpulse.emulators.cloudwatch;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A time series on a grid: datapoints keyed by epoch second (each a period's start), and the grid they live on
 * ({@code start + k * period < end}), which FILL needs to know where the gaps are.
 */
record Series(String label, long start, long end, long period, NavigableMap<Long, Double> points) {
  Series withPoints(NavigableMap<Long, Double> newPoints) {
    return new Series(label, start, end, period, newPoints);
  }

  Series withLabel(String newLabel) {
    return new Series(newLabel, start, end, period, points);
  }

  Series empty() {
    return withPoints(new TreeMap<>());
  }

  /** The first grid slot at or after {@code start}: grids start where the query starts. */
  long firstSlot() {
    return start;
  }
}
