package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.template.RepositoryRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code linkpulse slo}: SLOs as code. */
@Command(name = "slo", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse slo render",
        "  ./linkpulse slo render --check",
        "  ./linkpulse slo list",
        "  ./linkpulse slo status"},
    description = "SLOs as code: render alarms/slos.yaml into CloudWatch alarms and dashboards, list the alarms, show the budgets.",
    subcommands = {SloCommand.Render.class, SloCommand.ListAlarms.class, StatusCommand.class, CommandLine.HelpCommand.class})
public final class SloCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new UsageError("slo needs a subcommand: render [--check], list or status (see ./linkpulse slo --help)");
  }

  static SloSpec load(Path slos) {
    try {
      return SloFile.load(slos);
    } catch (SloSpec.SpecException e) {
      throw new UsageError(e.getMessage());
    }
  }

  static Map<String, String> render(SloSpec spec) {
    try {
      return SloRenderer.render(spec);
    } catch (SloSpec.SpecException e) {
      throw new UsageError(e.getMessage());
    }
  }

  @Command(name = "render", mixinStandardHelpOptions = true,
      footerHeading = Linkpulse.EXAMPLES,
      footer = {
          "  ./linkpulse slo render",
          "  ./linkpulse slo render --check"},
      description = {
      "Generate alarms/alarms.yaml (the nested stack of CloudWatch alarms and dashboards) and dashboards/*.json from alarms/slos.yaml.",
      "With --check, write nothing: exit 1 listing the generated files that are out of date (CI and the staleness test use it)."})
  static final class Render implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--check", description = "Write nothing; exit 1 if a generated file differs from a fresh render.") boolean check;
    @Option(names = "--slos", paramLabel = "FILE", description = "The SLO file (default: alarms/slos.yaml in the repository).") Path slos;
    @Option(names = "--out", paramLabel = "DIR", description = "Where alarms/ and dashboards/ are (default: the repository root).") Path out;

    @Override
    public Integer call() {
      Path root = RepositoryRoot.find();
      Path source = slos != null ? slos : root.resolve(SloRenderer.SLOS);
      Path target = out != null ? out : root;
      if (Files.exists(target) && !Files.isDirectory(target)) throw new UsageError("--out " + target + " is not a directory");
      SloSpec parsed = load(source);
      Map<String, String> rendered = render(parsed);
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter stderr = spec.commandLine().getErr();
      if (check) {
        List<String> stale = SloRenderer.stale(rendered, target);
        if (!stale.isEmpty()) {
          stderr.println("linkpulse slo render --check: out of date with " + display(root, source) + ": " + String.join(", ", stale)
              + ". Run ./linkpulse slo render and commit the result.");
          return 1;
        }
        stdout.println("linkpulse slo render --check: " + String.join(", ", rendered.keySet()) + " match " + display(root, source) + ".");
        return 0;
      }
      List<String> touched = SloRenderer.write(rendered, target);
      if (touched.isEmpty()) {
        stdout.println("linkpulse slo render: up to date (" + String.join(", ", rendered.keySet()) + ").");
      } else {
        List<String> written = touched.stream().filter(rendered::containsKey).toList();
        List<String> removed = touched.stream().filter(f -> !rendered.containsKey(f)).toList();
        stdout.println("linkpulse slo render: " + (written.isEmpty() ? "" : "wrote " + String.join(", ", written))
            + (written.isEmpty() || removed.isEmpty() ? "" : "; ")
            + (removed.isEmpty() ? "" : "removed " + String.join(", ", removed) + " (no longer generated)") + ".");
      }
      Path parent = target.resolve("template.yaml");
      if (Files.exists(parent)) {
        for (String problem : Wiring.problems(parent, parsed)) stderr.println("linkpulse slo render: warning: template.yaml: " + problem);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      footerHeading = Linkpulse.EXAMPLES,
      footer = {
          "  ./linkpulse slo list",
          "  ./linkpulse slo list --slos alarms/slos.yaml"},
      description = "List every alarm the SLOs produce: name, kind, severity and runbook.")
  static final class ListAlarms implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--slos", paramLabel = "FILE", description = "The SLO file (default: alarms/slos.yaml in the repository).") Path slos;

    @Override
    public Integer call() {
      Path root = RepositoryRoot.find();
      SloSpec parsed = load(slos != null ? slos : root.resolve(SloRenderer.SLOS));
      List<AlarmPlan.Planned> alarms;
      try {
        alarms = AlarmPlan.of(parsed).alarms();
      } catch (SloSpec.SpecException e) {
        throw new UsageError(e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("SLOs (error budget over " + Durations.label(parsed.budgetPeriod()) + "):");
      for (SloSpec.Slo slo : parsed.slos()) {
        out.printf("  %-24s %7s%%  %s%n", slo.id(), slo.objective().toPlainString(), slo.description());
      }
      out.println();
      int width = alarms.stream().mapToInt(a -> a.name().length()).max().orElse(10) + 2;
      out.printf("%-" + width + "s %-9s %-7s %s%n", "ALARM", "KIND", "NOTIFY", "RUNBOOK");
      for (AlarmPlan.Planned a : alarms) {
        String notify = a.kind() == AlarmPlan.Kind.WINDOW ? "-" : a.severity().lower();
        out.printf("%-" + width + "s %-9s %-7s runbooks/%s%n", a.name(), a.kind().name().toLowerCase(), notify, a.runbook());
      }
      return 0;
    }
  }

  private static String display(Path root, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
  }
}
