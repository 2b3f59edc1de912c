package dev.linkpulse.ops.chaos;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The end of a chaos run: sent against counted per link, and the faults injected. */
final class ChaosReport {
  private final Map<Fault, Long> injected = new EnumMap<>(Fault.class);
  private long redriven;

  void injected(Fault fault, long amount) {
    injected.merge(fault, amount, Long::sum);
  }

  void redriven(long messages) {
    redriven += messages;
  }

  /** Prints both tables; true when every link counted exactly what it was sent. */
  boolean print(ChaosTraffic traffic, long[] counted, PrintWriter out) {
    out.printf(Locale.ROOT, "%-12s %10s %10s %8s %8s%n", "link", "sent", "counted", "lost", "doubled");
    long sent = 0;
    long total = 0;
    long lost = 0;
    long doubled = 0;
    for (int i = 0; i < counted.length; i++) {
      long s = traffic.sent(i);
      long c = counted[i];
      sent += s;
      total += Math.max(c, 0);
      lost += Math.max(s - c, 0);
      doubled += Math.max(c - s, 0);
      out.printf(Locale.ROOT, "%-12s %10d %10d %8d %8d%n", traffic.codes().get(i), s, c, Math.max(s - c, 0), Math.max(c - s, 0));
    }
    out.printf(Locale.ROOT, "%-12s %10d %10d %8d %8d%n", "all", sent, total, lost, doubled);
    out.printf(Locale.ROOT, "redirects not answered 302: %d refused, %d unanswered%n", traffic.refused(), traffic.unanswered());
    traffic.unansweredWhy().forEach((why, n) -> out.printf(Locale.ROOT, "  %d x %s%n", n.get(), why));
    out.println();
    out.printf(Locale.ROOT, "%-22s %8s  %s%n", "fault", "amount", "what");
    for (Fault f : Fault.values()) out.printf(Locale.ROOT, "%-22s %8d  %s%n", f.label(), injected.getOrDefault(f, 0L), f.what);
    out.printf(Locale.ROOT, "%-22s %8d  %s%n", "dlq-redrive", redriven, "messages the redrive moved back to the clicks queue");
    return lost == 0 && doubled == 0 && traffic.unanswered() == 0;
  }
}
