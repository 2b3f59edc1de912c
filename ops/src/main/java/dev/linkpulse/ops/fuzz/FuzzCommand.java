package dev.linkpulse.ops.fuzz;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fuzz", mixinStandardHelpOptions = true, sortOptions = false,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse fuzz --list",
        "  ./linkpulse fuzz --seconds 600",
        "  ./linkpulse fuzz --target UrlValidator --runs 1000000"},
    description = {
        "Coverage-guided fuzzing (Jazzer) of every parser that takes outside input, one JVM per target, then a table of "
            + "executions, crashes and corpus size per target. Compiles the fuzz tests first (they are tests: mvn "
            + "test-compile of core, redirect, pipeline and ops).",
        "A crashing input is written to the target's <Class>Inputs/<method>/ test resources, which every mvn verify "
            + "replays; name it after the bug and add a regression test. Logs: <module>/target/fuzz/<target>.log."})
public final class FuzzCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", paramLabel = "N", description = "Fuzzing time per target (default ${DEFAULT-VALUE})")
  long seconds = 300;

  @Option(names = "--runs", paramLabel = "N", description = "Stop a target after N executions (default: only --seconds)")
  Long runs;

  @Option(names = "--target", paramLabel = "NAME", description = "Only targets whose name contains NAME (see --list)")
  String target;

  @Option(names = "--jobs", paramLabel = "N", description = "Targets fuzzed at once (default ${DEFAULT-VALUE})")
  int jobs = 1;

  @Option(names = "--list", description = "List the targets and exit")
  boolean list;

  @Option(names = "--no-build", description = "Use the fuzz tests as last compiled")
  boolean noBuild;

  @Override
  public Integer call() throws Exception {
    if (seconds < 1) throw new UsageError("--seconds must be at least 1");
    if (runs != null && runs < 1) throw new UsageError("--runs must be at least 1");
    if (jobs < 1) throw new UsageError("--jobs must be at least 1");
    PrintWriter out = spec.commandLine().getOut();
    Path root = LocalConfig.findRoot();
    FuzzBuild build = new FuzzBuild(root);
    if (!noBuild) build.compile();
    List<FuzzTarget> targets = new ArrayList<>();
    for (String module : FuzzBuild.MODULES) {
      for (FuzzTarget t : FuzzTargets.in(module, root.resolve(module), build.classpath(module))) if (t.matches(target)) targets.add(t);
    }
    if (targets.isEmpty()) throw new UsageError("no fuzz target matches " + target + " (see --list)");
    if (list) {
      targets.forEach(t -> out.println(t.name() + "  (" + t.module() + ": " + t.className() + "#" + t.method() + ")"));
      return 0;
    }
    out.printf(Locale.ROOT, "fuzzing %d targets for %d s each%s, %d at a time%n", targets.size(), seconds,
        runs == null ? "" : " or " + runs + " executions", jobs);
    out.flush();
    List<FuzzOutcome> outcomes = fuzz(targets, new FuzzRunner(seconds, runs), out);
    FuzzTable.print(outcomes, out);
    return outcomes.stream().allMatch(FuzzOutcome::clean) ? 0 : 1;
  }

  private List<FuzzOutcome> fuzz(List<FuzzTarget> targets, FuzzRunner runner, PrintWriter out) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<FuzzOutcome>> running = new ArrayList<>();
      for (FuzzTarget t : targets) {
        running.add(pool.submit(() -> {
          FuzzOutcome o = runner.run(t);
          synchronized (out) {
            out.printf(Locale.ROOT, "  %-28s %,12d executions, %d crashes, corpus %d  (%s)%n", t.name(), o.executions(), o.crashes(),
                o.corpus(), o.log());
            out.flush();
          }
          return o;
        }));
      }
      List<FuzzOutcome> outcomes = new ArrayList<>();
      for (Future<FuzzOutcome> f : running) outcomes.add(f.get());
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
