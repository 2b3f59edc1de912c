package dev.linkpulse.ops.slo;

import dev.linkpulse.core.Json;
import java.io.PrintWriter;
import java.time.Duration;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** {@link SloStatus} drawn for a person (a table, then the alarms in ALARM with their runbooks) or as one JSON document. */
final class StatusView {
  private StatusView() {}

  static void table(SloStatus status, PrintWriter out) {
    out.println("SLO status of stack " + status.stack() + " at " + status.at() + " (error budget over "
        + Durations.label(status.budgetPeriod()) + "; burn 1x spends it exactly)");
    int idWidth = Math.max(4, status.slos().stream().mapToInt(e -> e.id().length()).max().orElse(4)) + 2;
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s %9s %11s", "SLO", "OBJECTIVE", "BUDGET LEFT"));
    for (Duration w : status.windows()) head.append(String.format(Locale.ROOT, " %8s", "burn " + Durations.label(w)));
    out.println(head.append("  NOTIFYING"));
    for (SloStatus.Entry e : status.slos()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s %9s %11s", e.id(),
          e.objective().toPlainString() + "%", e.budgetLeft() == null ? "-" : percent(e.budgetLeft())));
      for (Duration w : status.windows()) row.append(String.format(Locale.ROOT, " %8s", burn(e.burn().get(w))));
      List<String> notifying = e.inAlarm().stream().filter(a -> !a.notifies().equals("none"))
          .map(a -> a.name().substring(status.stack().length() + 1) + " (" + a.notifies() + ")").toList();
      out.println(row.append("  ").append(notifying.isEmpty() ? "-" : String.join(", ", notifying)));
    }
    List<SloStatus.Alarm> alarms = java.util.stream.Stream.concat(status.slos().stream().flatMap(e -> e.inAlarm().stream()),
        status.otherAlarms().stream()).distinct().toList();
    out.println();
    if (alarms.isEmpty()) {
      out.println("No alarm of the stack is in ALARM.");
      return;
    }
    out.println("In ALARM (window alarms notify no one; their composite does):");
    int width = alarms.stream().mapToInt(a -> a.name().length()).max().orElse(10) + 2;
    for (SloStatus.Alarm a : alarms) out.printf(Locale.ROOT, "  %-" + width + "s %-7s %s%n", a.name(), a.notifies(), a.runbook());
  }

  /** Every key always present: null says "no traffic in the window" or "no budget to burn" (an alarms SLO). */
  static void json(SloStatus status, PrintWriter out) {
    ObjectNode root = Json.object().put("stack", status.stack()).put("at", status.at().toString())
        .put("budgetPeriod", Durations.label(status.budgetPeriod()));
    ArrayNode slos = root.putArray("slos");
    for (SloStatus.Entry e : status.slos()) {
      ObjectNode slo = slos.addObject().put("id", e.id()).put("title", e.title()).put("objective", e.objective()).put("sli", e.kind());
      slo.put("budgetLeft", e.budgetLeft());
      ObjectNode burn = slo.putObject("burnRates");
      e.burn().forEach((w, v) -> burn.put(Durations.label(w), v));
      ArrayNode alarms = slo.putArray("inAlarm");
      for (SloStatus.Alarm a : e.inAlarm()) alarms.addObject().put("name", a.name()).put("notifies", a.notifies()).put("runbook", a.runbook());
    }
    ArrayNode others = root.putArray("otherInAlarm");
    for (SloStatus.Alarm a : status.otherAlarms()) others.addObject().put("name", a.name()).put("notifies", a.notifies()).put("runbook", a.runbook());
    out.println(Json.write(root));
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  static String burn(Double rate) {
    if (rate == null) return "-";
    return String.format(Locale.ROOT, rate >= 10 ? "%.1fx" : "%.2fx", rate);
  }
}
