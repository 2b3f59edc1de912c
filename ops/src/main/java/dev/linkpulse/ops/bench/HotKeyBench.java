package dev.linkpulse.ops.bench;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.template.Template;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot key, measured: each workload at a steady click rate through {@link HotKeySimulation}, with the template's
 * batch sizes and windows (and any overrides), printing the hottest partition key's write units each simulated second
 * and one summary row per workload.
 */
final class HotKeyBench {
  private final PrintStream out;

  HotKeyBench(PrintStream out) {
    this.out = out;
  }

  /** The template's defaults for the four batching parameters, with {@code overrides} over them. */
  static HotKeySimulation.Settings settings(int perSecond, int shards, Map<String, String> overrides) throws Exception {
    Map<String, String> p = new LinkedHashMap<>(Template.load(LocalConfig.findRoot().resolve("template.yaml")).parameterDefaults());
    p.putAll(overrides);
    return new HotKeySimulation.Settings(perSecond, shards, Integer.parseInt(p.get("RecorderBatchSize")),
        seconds(p.get("RecorderBatchWindowSeconds")), Integer.parseInt(p.get("AggregatorBatchSize")),
        seconds(p.get("AggregatorBatchWindowSeconds")));
  }

  private static long seconds(String value) {
    return Math.round(Double.parseDouble(value) * 1000);
  }

  List<HotKeySimulation.Result> run(List<Workload> workloads, HotKeySimulation.Settings settings) throws Exception {
    List<HotKeySimulation.Result> results = new ArrayList<>();
    for (Workload w : workloads) {
      out.printf("%s: %,d clicks (+%,d duplicates) at %,d/s, %d stream shards, simulated...%n", w.name(), w.distinct(),
          w.events().size() - w.distinct(), settings.perSecond(), settings.shards());
      HotKeySimulation.Result r = HotKeySimulation.run(w, settings);
      if (w.name().startsWith("viral")) printSeconds(r);
      results.add(r);
    }
    return results;
  }

  private void printSeconds(HotKeySimulation.Result r) {
    String fmt = "%7s %10s %12s %15s %15s  %s%n";
    out.printf(fmt, "second", "clicks in", "invocations", "counter writes", "hottest WCU/s", "hottest key");
    for (var s : r.seconds()) {
      out.printf(fmt, s.second(), String.format("%,d", s.delivered()), s.invocations(), s.counterWrites(),
          String.format("%,.0f", s.hottestWcu()), s.hottestKey());
    }
  }

  void print(List<HotKeySimulation.Result> results) {
    out.println();
    String fmt = "%-27s %7s %7s %10s %10s %13s %15s %14s %9s %6s%n";
    out.printf(fmt, "workload", "window", "shards", "WCU/click", "raw/click", "counter/click", "max WCU/s/key", "counter item", "retried", "exact");
    for (var r : results) {
      out.printf(fmt, r.workload().name(), r.settings().aggregatorWindowMillis() / 1000.0 + " s", r.settings().shards(),
          String.format("%.3f", r.wcuPerClick()), String.format("%.3f", r.rawWcu() / r.workload().distinct()),
          String.format("%.3f", r.counterWcu() / r.workload().distinct()), String.format("%,.0f", r.hottestKeyWcu()),
          String.format("%,d B", r.counterItemBytes()), r.retries(), r.exact() ? "yes" : "NO");
    }
    out.println("Simulated time; real ClickRecorder, CounterAggregator and DynamoDB counter store. WCU by AWS's rules (CapacityRules):");
    out.println("1 per started KB of the larger of before/after, refused conditions pay. max WCU/s/key: the hottest partition key's");
    out.println("write units in its busiest simulated second (limit 1,000; the engine throttles past it and the batch is retried).");
  }
}
