package dev.linkpulse.ops.chaos;

import dev.linkpulse.ops.chaos.ClickLedger.KillWindow;
import dev.linkpulse.ops.chaos.ClickLedger.Outcome;
import dev.linkpulse.ops.chaos.ClickLedger.Unanswered;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of a chaos run: per link, the clicks answered against what was counted and recorded, what was lost and
 * what doubled ({@link ClickCensus#tally} says which is which); the clicks whose outcome the client could not know,
 * each listed with whether it was recorded and whether a kill -9 explains it; and the faults injected.
 */
final class ChaosReport {
  /** Unknown outcomes listed one by one, at most. */
  private static final int LISTED = 50;

  private final Map<Fault, Long> injected = new EnumMap<>(Fault.class);
  private final List<KillWindow> kills = new ArrayList<>();
  private long redriven;
  private long unexplained;

  void injected(Fault fault, long amount) {
    injected.merge(fault, amount, Long::sum);
  }

  /** A kill -9 and the restart after it: a click without a 302 that was in flight across it is explained by it. */
  void killed(KillWindow window) {
    kills.add(window);
  }

  void redriven(long messages) {
    redriven += messages;
  }

  /** Prints the tables and returns the run's totals, which decide its exit code. */
  ChaosResult print(ChaosTraffic traffic, ClickCensus census, PrintWriter out) {
    ClickLedger ledger = traffic.ledger();
    out.printf(Locale.ROOT, "%-12s %9s %9s %9s %6s %8s %10s %9s%n", "link", "answered", "counted", "raw-rows", "lost", "doubled", "no-302", "recorded");
    LinkTally all = LinkTally.ZERO;
    for (int link = 0; link < ledger.links(); link++) {
      LinkTally row = census.tally(ledger, link);
      all = all.plus(row);
      row(out, traffic.codes().get(link), row);
    }
    row(out, "all", all);
    listUnknown(ledger, census, out);
    listDoubled(ledger, census, out);
    out.println();
    out.printf(Locale.ROOT, "%-22s %8s  %s%n", "fault", "amount", "what");
    for (Fault f : Fault.values()) out.printf(Locale.ROOT, "%-22s %8d  %s%n", f.label(), injected.getOrDefault(f, 0L), f.what);
    out.printf(Locale.ROOT, "%-22s %8d  %s%n", "dlq-redrive", redriven, "messages the redrive moved back to the clicks queue");
    return new ChaosResult(all, unexplained);
  }

  private static void row(PrintWriter out, String name, LinkTally t) {
    out.printf(Locale.ROOT, "%-12s %9d %9d %9d %6d %8d %10d %9d%n", name, t.answered(), t.counted(), t.rows(), t.lost(), t.doubled(),
        t.unknown(), t.unknownRecorded());
  }

  /** The clicks recorded more than once, whatever their outcome, with their outcome: where to look first. */
  private static void listDoubled(ClickLedger ledger, ClickCensus census, PrintWriter out) {
    List<String> listed = new ArrayList<>();
    long doubled = 0;
    for (int id = 0; id < ledger.size(); id++) {
      if (census.recorded[id] < 2) continue;
      doubled++;
      if (listed.size() < LISTED) listed.add(id + " " + ledger.outcome(id).name().toLowerCase(Locale.ROOT) + " x" + census.recorded[id]);
    }
    if (doubled == 0) return;
    out.printf(Locale.ROOT, "clicks recorded more than once: %d%n", doubled);
    out.println("  click ids: " + String.join(", ", listed) + (doubled > listed.size() ? ", ..." : ""));
  }

  /**
   * The clicks whose redirect got no answer, or an answer other than 302: each may count 0 or 1 times. Those a kill
   * explains were sent before the restarted stack was up and ended after the kill; any other is unexplained.
   */
  private void listUnknown(ClickLedger ledger, ClickCensus census, PrintWriter out) {
    List<String> listed = new ArrayList<>();
    long unknown = 0;
    for (int id = 0; id < ledger.size(); id++) {
      Outcome o = ledger.outcome(id);
      if (o != Outcome.REFUSED && o != Outcome.IN_FLIGHT) continue;
      unknown++;
      boolean explained = explainedByAKill(ledger.unanswered(id));
      if (!explained) unexplained++;
      if (listed.size() < LISTED || !explained) {
        listed.add(id + (o == Outcome.REFUSED ? " refused" : "") + (census.recorded[id] > 0 ? " recorded" : " not recorded")
            + (explained ? "" : " (UNEXPLAINED: not in flight across a kill -9)"));
      }
    }
    out.printf(Locale.ROOT, "clicks without a 302 (in flight at a kill, or refused), each counted 0 or 1 times: %d, %d of them "
        + "sent before the restarted stack was up and ended after the kill -9%n", unknown, unknown - unexplained);
    if (!listed.isEmpty()) out.println("  click ids: " + String.join(", ", listed) + (unknown > listed.size() ? ", ..." : ""));
    ledger.why().forEach((why, n) -> out.printf(Locale.ROOT, "  %d x %s%n", n.get(), why));
  }

  private boolean explainedByAKill(Unanswered click) {
    return click != null && kills.stream().anyMatch(click::during);
  }
}
