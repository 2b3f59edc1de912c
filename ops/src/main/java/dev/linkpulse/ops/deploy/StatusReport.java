package dev.linkpulse.ops.deploy;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Prints a stack's deployments: one block per deployment, its lifecycle events, and the alarms that stopped it. */
final class StatusReport {
  private StatusReport() {}

  static void print(PrintWriter out, String stack, List<DeploymentRecord> deployments, Map<String, AlarmFacts.Fact> alarms) {
    if (deployments.isEmpty()) {
      out.println("Stack " + stack + ": no deployments yet.");
      return;
    }
    out.printf("Stack %s: %d deployment%s, newest first%n", stack, deployments.size(), deployments.size() == 1 ? "" : "s");
    String function = null;
    for (DeploymentRecord d : deployments) {
      if (!d.function().equals(function)) {
        function = d.function();
        out.println();
        out.println(function);
      }
      out.printf("  %-12s %-10s %s  %s%s%n", d.id(), d.status(), d.created(), took(d.created(), d.completed()), relations(d));
      if (d.errorCode() != null) out.printf("    %s: %s%n", d.errorCode(), d.errorMessage());
      for (DeploymentRecord.LifecycleStep step : d.steps()) {
        out.printf("    %-20s %-11s %s%s%n", step.name(), step.status(), took(step.start(), step.end()),
            step.diagnostics() == null ? "" : "  " + step.diagnostics());
      }
      for (String name : d.activatedAlarms()) {
        AlarmFacts.Fact fact = alarms.get(name);
        out.printf("    stopped by alarm %s%s%n", name, fact == null ? "" : ": now " + fact.stateNow()
            + (fact.wentToAlarm() == null ? "" : "; " + fact.wentToAlarm()));
      }
    }
    out.println();
    out.println("After a rollback: runbooks/canary-rolled-back.md");
  }

  private static String relations(DeploymentRecord d) {
    StringBuilder s = new StringBuilder();
    if (d.rollbackOf() != null) s.append("  rollback of ").append(d.rollbackOf());
    if (d.rolledBackBy() != null) s.append("  rolled back by ").append(d.rolledBackBy());
    return s.toString();
  }

  private static String took(Instant start, Instant end) {
    if (start == null) return "not started";
    if (end == null) return "running";
    return "took " + Duration.between(start, end).toSeconds() + " s";
  }
}
