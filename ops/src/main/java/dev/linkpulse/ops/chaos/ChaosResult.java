package dev.linkpulse.ops.chaos;

/**
 * A chaos run's outcome: the totals over every link, and how many clicks got no 302 without a kill -9 to explain
 * them (in flight across no kill, or refused while the stack was up). Such a click may have been lost to a defect the
 * run cannot see, so a run with any is inconclusive.
 */
record ChaosResult(LinkTally all, long unexplained) {}
