package dev.linkpulse.ops.bench;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse bench pipeline",
        "  ./linkpulse bench realtime --rate 300"},
    description = "Benchmarks that print tables, comparing designs side by side in one run.",
    subcommands = {BenchCommand.Pipeline.class, BenchCommand.Realtime.class})
public final class BenchCommand {
  @Command(name = "pipeline", mixinStandardHelpOptions = true,
      footerHeading = Linkpulse.EXAMPLES,
      footer = {
          "  ./linkpulse bench pipeline",
          "  ./linkpulse bench pipeline --clicks 50000 --workload zipf --parameter AggregatorBatchWindowSeconds=2"},
      description = {
      "Click pipeline throughput, write cost and hottest partition key: Linkpulse against a seed-style design",
      "(one TransactWriteItems per click), on a viral link and on 10,000 links with Zipf(1.1) popularity.",
      "Starts its own local stack on free ports (in memory); a running ./linkpulse up is not touched."})
  static final class Pipeline implements Callable<Integer> {
    @Option(names = "--clicks", description = "distinct clicks per workload (default ${DEFAULT-VALUE})") int clicks = 10_000;
    @Option(names = "--duplicates", description = "share of clicks delivered twice (default ${DEFAULT-VALUE})") double duplicates = 0.02;
    @Option(names = "--workload", description = "viral, zipf or all (default ${DEFAULT-VALUE})") String workload = "all";
    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "override a template parameter, e.g. AggregatorBatchWindowSeconds=2")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
      if (clicks < 100 || clicks > 1_000_000) throw new UsageError("--clicks must be between 100 and 1000000");
      if (duplicates < 0 || duplicates > 0.5) throw new UsageError("--duplicates must be between 0 and 0.5");
      if (!List.of("viral", "zipf", "all").contains(workload)) throw new UsageError("--workload must be viral, zipf or all");
      List<Workload> workloads = new ArrayList<>();
      if (!workload.equals("zipf")) workloads.add(Workload.viral(clicks, duplicates, 42));
      if (!workload.equals("viral")) workloads.add(Workload.zipf(clicks, 10_000, 1.1, duplicates, 43));
      PipelineBench bench = new PipelineBench(System.out);
      bench.print(bench.run(workloads, parameters));
      return 0;
    }
  }

  @Command(name = "realtime", mixinStandardHelpOptions = true,
      footerHeading = Linkpulse.EXAMPLES,
      footer = {
          "  ./linkpulse bench realtime --rate 300",
          "  ./linkpulse bench realtime --rate 1000 --seconds 30 --subscribers 200 --trace"},
      description = {
      "Click-to-screen latency: redirects at a fixed rate to links watched by WebSocket subscribers; p50/p90/p99",
      "from the redirect's response to the push covering that click. Starts its own in-memory local stack."})
  static final class Realtime implements Callable<Integer> {
    @Option(names = "--rate", description = "clicks per second (default ${DEFAULT-VALUE})") int rate = 500;
    @Option(names = "--seconds", description = "how long to send (default ${DEFAULT-VALUE})") int seconds = 20;
    @Option(names = "--warmup", description = "seconds of unmeasured clicks at the same rate first (default ${DEFAULT-VALUE})") int warmup = 10;
    @Option(names = "--links", description = "links watched (default ${DEFAULT-VALUE})") int links = 5;
    @Option(names = "--subscribers", description = "WebSocket subscribers, spread over the links (default ${DEFAULT-VALUE})") int subscribers = 100;
    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "override a template parameter, e.g. AggregatorBatchWindowSeconds=0")
    Map<String, String> parameters = new LinkedHashMap<>();
    @Option(names = "--trace", description = "print each second how many clicks each stage has passed, to see where they queue")
    boolean trace;

    @Override
    public Integer call() throws Exception {
      if (rate < 1 || rate > 5000) throw new UsageError("--rate must be between 1 and 5000 clicks/s");
      if (seconds < 1 || seconds > 600) throw new UsageError("--seconds must be between 1 and 600");
      if (warmup < 0 || warmup > 600) throw new UsageError("--warmup must be between 0 and 600");
      if (links < 1 || links > 100) throw new UsageError("--links must be between 1 and 100");
      if (subscribers < links || subscribers > 1000) throw new UsageError("--subscribers must be between --links and 1000");
      RealtimeBench bench = new RealtimeBench(System.out);
      bench.print(bench.run(rate, seconds, warmup, links, subscribers, trace, parameters), 2000);
      return 0;
    }
  }
}
