package dev.linkpulse.ops.bench;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse bench pipeline",
        "  ./linkpulse bench realtime --rate 300",
        "  ./linkpulse bench hotkey",
        "  ./linkpulse bench redirect",
        "  ./linkpulse bench coldstart",
        "  ./linkpulse bench cost"},
    description = "Benchmarks that print tables, comparing designs side by side in one run.",
    subcommands = {BenchCommand.Pipeline.class, BenchCommand.Realtime.class, BenchCommand.HotKey.class, BenchCommand.Redirect.class, BenchCommand.ColdStart.class, BenchCommand.Cost.class})
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
    @Mixin WorkloadOptions workloads;
    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "override a template parameter, e.g. AggregatorBatchWindowSeconds=2")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
      if (clicks < 100 || clicks > 1_000_000) throw new UsageError("--clicks must be between 100 and 1000000");
      List<Workload> chosen = workloads.workloads(clicks);
      PipelineBench bench = new PipelineBench(System.out);
      bench.print(bench.run(chosen, parameters));
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

  @Command(name = "hotkey", mixinStandardHelpOptions = true,
      footerHeading = Linkpulse.EXAMPLES,
      footer = {
          "  ./linkpulse bench hotkey",
          "  ./linkpulse bench hotkey --workload viral --seconds 10 --parameter AggregatorBatchWindowSeconds=1",
          "  ./linkpulse bench hotkey --workload zipf --seconds 3 --windows 0,1 --breakdown"},
      description = {
      "The hot key at 10,000 clicks/s, simulated: the real recorder and aggregator, stream batches as DynamoDB Streams and",
      "Lambda make them (a shard per table partition, four polls a second, the template's batch size and window), counter",
      "writes to our DynamoDB engine; prints the hottest partition key's WCU each simulated second, and WCU per click."})
  static final class HotKey implements Callable<Integer> {
    @Option(names = "--rate", description = "clicks per simulated second (default ${DEFAULT-VALUE})") int rate = 10_000;
    @Option(names = "--seconds", description = "simulated seconds of clicks (default ${DEFAULT-VALUE})") int seconds = 10;
    @Option(names = "--shards", description = "stream shards = table partitions (default ${DEFAULT-VALUE}: 10,000+ WCU/s needs at least 11 partitions of 1,000, and partitions split in halves)")
    int shards = 16;
    @Mixin WorkloadOptions workloads;
    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "override a template parameter, e.g. AggregatorBatchWindowSeconds=1")
    Map<String, String> parameters = new LinkedHashMap<>();
    @Option(names = "--windows", split = ",", paramLabel = "SECONDS",
        description = "aggregator batching windows to compare side by side, e.g. 0,0.5,1 (default: the template's)")
    List<Double> windows = new ArrayList<>();
    @Option(names = "--breakdown", description = "print where each run's write units went, by link popularity")
    boolean breakdown;

    @Override
    public Integer call() throws Exception {
      if (rate < 100 || rate > 50_000) throw new UsageError("--rate must be between 100 and 50000");
      if (seconds < 1 || seconds > 120) throw new UsageError("--seconds must be between 1 and 120");
      if (shards < 1 || shards > 256) throw new UsageError("--shards must be between 1 and 256");
      if (windows.stream().anyMatch(w -> w < 0 || w > 300)) throw new UsageError("--windows must be between 0 and 300 seconds each");
      List<Workload> chosen = workloads.workloads(rate * seconds);
      List<HotKeySimulation.Settings> settings = new ArrayList<>();
      if (windows.isEmpty()) settings.add(HotKeyBench.settings(rate, shards, parameters));
      for (double window : windows) {
        Map<String, String> withWindow = new LinkedHashMap<>(parameters);
        withWindow.put("AggregatorBatchWindowSeconds", Double.toString(window));
        settings.add(HotKeyBench.settings(rate, shards, withWindow));
      }
      HotKeyBench bench = new HotKeyBench(System.out);
      bench.print(bench.run(chosen, settings, breakdown));
      return 0;
    }
  }

  @Command(name = "redirect", mixinStandardHelpOptions = true,
      footerHeading = Linkpulse.EXAMPLES,
      footer = {
          "  ./linkpulse bench redirect",
          "  LINKPULSE_JAVA_OPTS=-Dsun.net.httpserver.nodelay=false ./linkpulse bench redirect --calls 2000"},
      description = {
      "The redirect's warm path: the real handler in-process with its link cached and every click published, against an",
      "in-memory local stack, beside the one PutEvents call it makes; p50/p90/p99 over --calls calls after a warm-up."})
  static final class Redirect implements Callable<Integer> {
    @Option(names = "--calls", description = "measured calls (default ${DEFAULT-VALUE})") int calls = 100_000;
    @Option(names = "--warm-up", description = "unmeasured calls first (default ${DEFAULT-VALUE})") int warmUp = 5_000;

    @Override
    public Integer call() throws Exception {
      if (calls < 100 || calls > 1_000_000) throw new UsageError("--calls must be between 100 and 1000000");
      if (warmUp < 0 || warmUp > 100_000) throw new UsageError("--warm-up must be between 0 and 100000");
      RedirectBench bench = new RedirectBench(System.out);
      bench.print(bench.run(calls, warmUp));
      return 0;
    }
  }

  @Command(name = "coldstart", mixinStandardHelpOptions = true,
      footerHeading = Linkpulse.EXAMPLES,
      footer = {"  ./linkpulse bench coldstart", "  ./linkpulse bench coldstart --jvms 10"},
      description = {
      "Cold starts: per function, fresh JVMs with only its artifact and Lambda's java21 flags, against an in-memory local",
      "stack; init, first and tenth invocation (p50, max), without priming and with SnapStart-style priming."})
  static final class ColdStart implements Callable<Integer> {
    @Option(names = "--jvms", description = "fresh JVMs per function and mode (default ${DEFAULT-VALUE})") int jvms = 5;

    @Override
    public Integer call() throws Exception {
      if (jvms < 1 || jvms > 50) throw new UsageError("--jvms must be between 1 and 50");
      ColdStartBench bench = new ColdStartBench(System.out);
      bench.print(bench.run(jvms));
      return 0;
    }
  }

  @Command(name = "cost", mixinStandardHelpOptions = true,
      footerHeading = Linkpulse.EXAMPLES,
      footer = {"  ./linkpulse bench cost", "  ./linkpulse bench cost --rate 1000 --seconds 20 --subscribers 0"},
      description = {
      "Dollars per million clicks, Linkpulse against the seed-style design, at AWS list prices (us-east-1, on-demand,",
      "arm64; the table is in PriceList), with units from a measured run: the simulated pipeline (bench hotkey), the",
      "redirect in-process (bench redirect), the seed-style transaction on our DynamoDB engine. Ends with a containers note."})
  static final class Cost implements Callable<Integer> {
    @Option(names = "--rate", description = "clicks per simulated second on the viral link (default ${DEFAULT-VALUE})") int rate = 10_000;
    @Option(names = "--seconds", description = "simulated seconds (default ${DEFAULT-VALUE})") int seconds = 5;
    @Option(names = "--subscribers", description = "live viewers of the link, one push each per counter update (default ${DEFAULT-VALUE})")
    int subscribers = 1;

    @Override
    public Integer call() throws Exception {
      if (rate < 100 || rate > 50_000) throw new UsageError("--rate must be between 100 and 50000");
      if (seconds < 1 || seconds > 120) throw new UsageError("--seconds must be between 1 and 120");
      if (subscribers < 0 || subscribers > 10_000) throw new UsageError("--subscribers must be between 0 and 10000");
      RedirectBench redirect = new RedirectBench(System.out);
      double redirectMillis = RedirectBench.handlerMedianMillis(redirect.run(2_000, 1_000));
      Workload viral = Workload.viral(rate * seconds, 0.02, 42);
      var result = HotKeySimulation.run(viral, HotKeyBench.settings(rate, 16, Map.of()));
      CostBench cost = new CostBench(System.out);
      cost.print(cost.linkpulse(result, redirectMillis, subscribers), cost.seedStyle(Workload.viral(2_000, 0.02, 42), redirectMillis), redirectMillis);
      return 0;
    }
  }
}
