package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Keys;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a workload's write units went, by link popularity: links ranked by their share of the workload (rank 1 the
 * most clicked), grouped in decades, each group's clicks, counter writes and units, and its raw clicks' units. What a
 * counted click pays is then visible by group: a tail link's click that lands alone in its (shard, poll) pays a counter
 * write of its own, while a hot link's counter write folds many clicks.
 */
record WriteBreakdown(List<Band> bands, Map<Integer, Long> counterWritesByUnits) {
  /** Links ranked {@code fromRank} to {@code toRank}: what they took and what they cost. */
  record Band(int fromRank, int toRank, int linksHit, long clicks, long counterWrites, long counterWcu, long rawWcu) {}

  private static final int[][] RANKS = {{1, 1}, {2, 10}, {11, 100}, {101, 1_000}, {1_001, 10_000}};

  /** From a run's ledger: {@code perLink} the distinct clicks per code; a code's rank is its number in the workload + 1. */
  static WriteBreakdown of(Map<String, Long> perLink, WriteAccounting.Ledger ledger) {
    List<Band> bands = new ArrayList<>();
    for (int[] r : RANKS) {
      int hit = 0;
      long clicks = 0;
      long writes = 0;
      long counterWcu = 0;
      long rawWcu = 0;
      for (var link : perLink.entrySet()) {
        int rank = rank(link.getKey());
        if (rank < r[0] || rank > r[1]) continue;
        hit++;
        clicks += link.getValue();
        long[] counter = ledger.keyTotals(Keys.STATS_PREFIX + link.getKey());
        writes += counter[0];
        counterWcu += counter[1];
        for (int shard = 0; shard < Keys.CLICK_SHARDS; shard++) rawWcu += ledger.keyTotals(Keys.CLICK_PREFIX + link.getKey() + "#" + shard)[1];
      }
      if (hit > 0) bands.add(new Band(r[0], r[1], hit, clicks, writes, counterWcu, rawWcu));
    }
    Map<Integer, Long> units = new TreeMap<>();
    ledger.counterWritesByUnits.forEach((wcu, n) -> units.put(wcu, n.sum()));
    return new WriteBreakdown(bands, units);
  }

  /** Workload codes end in the link's index: viral0, zipf0 ... zipf9999. */
  private static int rank(String code) {
    int i = code.length();
    while (i > 0 && Character.isDigit(code.charAt(i - 1))) i--;
    return Integer.parseInt(code.substring(i)) + 1;
  }

  void print(PrintStream out, String workload) {
    out.println();
    out.println("Where " + workload + " paid (whole run, by link popularity rank):");
    String fmt = "%-13s %7s %9s %7s %9s %11s %11s %13s %11s %10s%n";
    out.printf(fmt, "ranks", "links", "clicks", "share", "ctr writes", "clicks/write", "WCU/write", "counter/click", "raw/click", "WCU/click");
    long all = bands.stream().mapToLong(Band::clicks).sum();
    for (Band b : bands) {
      out.printf(fmt, b.fromRank() + "-" + b.toRank(), String.format("%,d", b.linksHit()), String.format("%,d", b.clicks()),
          String.format("%.1f%%", 100.0 * b.clicks() / all), String.format("%,d", b.counterWrites()),
          String.format("%.2f", (double) b.clicks() / Math.max(1, b.counterWrites())),
          String.format("%.2f", (double) b.counterWcu() / Math.max(1, b.counterWrites())),
          String.format("%.3f", (double) b.counterWcu() / b.clicks()), String.format("%.3f", (double) b.rawWcu() / b.clicks()),
          String.format("%.3f", (double) (b.counterWcu() + b.rawWcu()) / b.clicks()));
    }
    long writes = counterWritesByUnits.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder units = new StringBuilder("Counter writes by units charged:");
    counterWritesByUnits.forEach((wcu, n) -> units.append(String.format(" %d WCU %.1f%%;", wcu, 100.0 * n / Math.max(1, writes))));
    out.println(units);
  }
}
