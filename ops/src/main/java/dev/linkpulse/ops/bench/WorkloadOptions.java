package dev.linkpulse.ops.bench;

import dev.linkpulse.ops.UsageError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which click workloads a bench runs, as a picocli mixin: the benches that compare designs on the same clicks
 * (pipeline, hotkey) take the same options and must build the same workloads from them (same seeds).
 */
final class WorkloadOptions {
  @Option(names = "--duplicates", description = "share of clicks delivered twice (default ${DEFAULT-VALUE})") double duplicates = 0.02;
  @Option(names = "--workload", description = "viral, zipf or all (default ${DEFAULT-VALUE})") String workload = "all";

  /** The workloads chosen, {@code clicks} distinct clicks each; bad options are bad input. */
  List<Workload> workloads(int clicks) {
    if (duplicates < 0 || duplicates > 0.5) throw new UsageError("--duplicates must be between 0 and 0.5");
    if (!List.of("viral", "zipf", "all").contains(workload)) throw new UsageError("--workload must be viral, zipf or all");
    List<Workload> workloads = new ArrayList<>();
    if (!workload.equals("zipf")) workloads.add(Workload.viral(clicks, duplicates, 42));
    if (!workload.equals("viral")) workloads.add(Workload.zipf(clicks, 10_000, 1.1, duplicates, 43));
    return workloads;
  }
}
