package dev.linkpulse.ops.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;

/** The closing lines of a load run: the verdict and why, where the report is, and the accounting table. */
final class LoadSummary {
  private LoadSummary() {}

  static void print(PrintStream out, Scenario scenario, String baseUrl, GatlingRun.Outcome outcome) throws IOException {
    out.println();
    out.println("linkpulse load: " + scenario.displayName() + " against " + baseUrl + ": " + verdict(outcome));
    out.println("  report      " + (outcome.report() == null ? "none (Gatling stopped before writing one; see its output above)"
        : outcome.report().toUri()));
    if (outcome.accountingTable() == null) {
      out.println("  accounting  none (the run ended before after() could count)");
      return;
    }
    out.println("  accounting  " + outcome.accountingTable());
    out.println();
    out.print(Files.readString(outcome.accountingTable()));
  }

  private static String verdict(GatlingRun.Outcome outcome) {
    if (outcome.passed()) return "PASSED (no failed request, redirect p99 within bound, sent = counted)";
    if (outcome.accounting() == null) return "FAILED before the accounting (see Gatling's output above)";
    if (!outcome.balanced()) return "FAILED: the pipeline did not count every click sent (table below)";
    return "FAILED a Gatling assertion (failed requests or the redirect p99; see the lines above)";
  }
}
