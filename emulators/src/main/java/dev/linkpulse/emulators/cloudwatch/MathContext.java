package dev.linkpulse.emulators.cloudwatch;

import java.util.List;

/** What an expression can see of its request: the other queries' results, and the grid they share. */
interface MathContext {
  /** The value of the query with this Id: a {@link Series}, a list of them, or (never for metrics) a scalar. */
  Object ref(String id);

  /** The MetricStat queries of the request, in request order, with their Ids (for METRICS()). */
  List<String> metricIds();

  /** An empty series on the request's default grid (the first metric's period), for TIME_SERIES and scalar IF. */
  Series grid();
}
