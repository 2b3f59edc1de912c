package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Json;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.local.LocalMetrics;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.ops.aws.AwsOptions;
import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.pipeline.counters.CounterState;
import dev.linkpulse.pipeline.counters.CounterStore;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Runs each workload through Linkpulse's pipeline (events onto the bus, counted by the aggregator) and through
 * the seed-style baseline, and prints one table: throughput, write cost by AWS's rules, the hottest partition key,
 * and whether the counts are exact.
 */
final class PipelineBench {
  record Row(String workload, String design, int distinct, int delivered, double seconds, double wcu, double maxKeyWcuPerSecond,
      double maxKeyShare, boolean exact) {
    double clicksPerSecond() {
      return distinct / seconds;
    }

    double wcuPerClick() {
      return wcu / distinct;
    }

    /** What the hottest key would take at 10,000 clicks/s with the same per-click write mix. */
    double hottestKeyAt10k() {
      return maxKeyShare * wcuPerClick() * 10_000;
    }
  }

  private final PrintStream out;

  PipelineBench(PrintStream out) {
    this.out = out;
  }

  List<Row> run(List<Workload> workloads, Map<String, String> parameters) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (LocalStack stack = LocalStack.ephemeral(parameters)) {
      for (Workload w : workloads) {
        out.printf("%s: %,d clicks (+%,d duplicates)%n", w.name(), w.distinct(), w.events().size() - w.distinct());
        rows.add(linkpulse(stack, w));
        rows.add(baseline(stack, w));
      }
    }
    return rows;
  }

  private Row linkpulse(LocalStack stack, Workload w) throws Exception {
    long aggregatedBefore = LocalMetrics.sum("aggregator", "ClicksAggregated");
    WriteAccounting.Ledger ledger = WriteAccounting.start();
    long start = System.nanoTime();
    try (EventBridgeClient events = AwsOptions.defaults().at(EventBridgeClient.builder(), "EVENTBRIDGE", URI.create(stack.eventsEndpoint())).build()) {
      publish(events, stack.busName("ClicksBus"), w.events());
    }
    out.print("  linkpulse: published, counting");
    while (LocalMetrics.sum("aggregator", "ClicksAggregated") - aggregatedBefore < w.distinct()) {
      Thread.sleep(100);
      if (Duration.ofNanos(System.nanoTime() - start).toMinutes() >= 15) break;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    stack.awaitQuiet(Duration.ofMinutes(2));
    WriteAccounting.stop();
    out.println(" done");
    CounterStore counters = CounterStore.dynamoDb(stack.dynamo(), stack.tableName("LinkpulseTable"));
    Instant from = w.events().get(0).time().minus(Duration.ofHours(1));
    Instant to = Instant.now().plus(Duration.ofHours(2));
    boolean exact = true;
    for (var e : w.expectedPerLink().entrySet()) {
      long counted = counters.range(LinkLife.legacy(e.getKey()), from, to).stream().mapToLong(CounterState::total).sum();
      exact &= counted == e.getValue();
    }
    return new Row(w.name(), "linkpulse", w.distinct(), w.events().size(), seconds, ledger.wcu(), ledger.maxKeyWcuPerSecond(),
        ledger.maxKeyShare(), exact);
  }

  private Row baseline(LocalStack stack, Workload w) throws Exception {
    SeedStyleBaseline seed = new SeedStyleBaseline(stack.dynamo(), "SeedBaseline" + Math.abs(w.name().hashCode()));
    seed.createTable();
    WriteAccounting.Ledger ledger = WriteAccounting.start();
    long start = System.nanoTime();
    out.print("  seed-style: recording");
    seed.record(w.events(), 8);
    double seconds = (System.nanoTime() - start) / 1e9;
    WriteAccounting.stop();
    out.println(" done");
    boolean exact = true;
    for (var e : w.expectedPerLink().entrySet()) exact &= seed.total(e.getKey()) == e.getValue();
    return new Row(w.name(), "seed-style (1 transaction per click)", w.distinct(), w.events().size(), seconds, ledger.wcu(),
        ledger.maxKeyWcuPerSecond(), ledger.maxKeyShare(), exact);
  }

  /** PutEvents takes 10 entries a call; four publishers keep the bus busy without starving the pipeline's threads. */
  private static void publish(EventBridgeClient events, String bus, List<ClickEvent> clicks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int from = 0; from < clicks.size(); from += 10) {
        List<ClickEvent> chunk = clicks.subList(from, Math.min(clicks.size(), from + 10));
        parts.add(pool.submit(() -> {
          var response = events.putEvents(r -> r.entries(chunk.stream().map(c -> PutEventsRequestEntry.builder().eventBusName(bus)
              .source(ClickEvent.SOURCE).detailType(ClickEvent.DETAIL_TYPE).time(c.time()).detail(Json.write(c.toDetail())).build()).toList()));
          if (response.failedEntryCount() > 0) throw new IllegalStateException(response.failedEntryCount() + " events refused");
          return null;
        }));
      }
      for (Future<?> f : parts) f.get();
    } finally {
      pool.shutdownNow();
    }
  }

  void print(List<Row> rows) {
    out.println();
    String fmt = "%-26s %-37s %9s %11s %10s %14s %16s %6s%n";
    out.printf(fmt, "workload", "design", "clicks", "counted/s", "WCU/click", "max WCU/s/key", "key @10k clk/s", "exact");
    for (Row r : rows) {
      out.printf(fmt, r.workload(), r.design(), String.format("%,d", r.distinct()), String.format("%,.0f", r.clicksPerSecond()),
          String.format("%.2f", r.wcuPerClick()), String.format("%,.0f", r.maxKeyWcuPerSecond()), String.format("%,.0f", r.hottestKeyAt10k()),
          r.exact() ? "yes" : "NO");
    }
    for (int i = 0; i + 1 < rows.size(); i += 2) {
      out.printf("%s: the seed-style design costs %.1fx the write units per click%n", rows.get(i).workload(),
          rows.get(i + 1).wcuPerClick() / rows.get(i).wcuPerClick());
    }
    out.println("WCU by AWS's published rules (1 per started KB of the larger of before/after, x2 in transactions, refused");
    out.println("conditions still pay), computed from the requests made. 'key @10k clk/s': the hottest partition key's share of");
    out.println("write units x WCU/click x 10,000 (for Linkpulse an upper bound: batches grow with load, amortising counters more).");
  }
}
