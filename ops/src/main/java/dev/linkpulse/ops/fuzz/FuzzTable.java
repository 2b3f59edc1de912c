package dev.linkpulse.ops.fuzz;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The closing table of a fuzz run, and where any crashing input went. */
final class FuzzTable {
  private FuzzTable() {}

  static void print(List<FuzzOutcome> outcomes, PrintWriter out) {
    String row = "%-28s %-9s %14s %8s %8s%n";
    out.println();
    out.printf(Locale.ROOT, row, "target", "module", "executions", "crashes", "corpus");
    long total = 0;
    int crashes = 0;
    for (FuzzOutcome o : outcomes) {
      out.printf(Locale.ROOT, row, o.target().name(), o.target().module(), String.format(Locale.ROOT, "%,d", o.executions()), o.crashes(), o.corpus());
      total += o.executions();
      crashes += o.crashes();
    }
    out.printf(Locale.ROOT, row, "total", "", String.format(Locale.ROOT, "%,d", total), crashes, "");
    for (FuzzOutcome o : outcomes) {
      if (!o.clean()) out.println("crash in " + o.target().name() + ": log " + o.log() + "; inputs in " + o.target().inputsDir());
    }
    out.flush();
  }
}
