package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Keys;
import dev.linkpulse.emulators.dynamodb.DynamoDbEmulator;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.ops.aws.AwsOptions;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import dev.linkpulse.pipeline.counters.CounterAggregator;
import dev.linkpulse.pipeline.counters.CounterStore;
import dev.linkpulse.pipeline.recorder.ClickRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One workload through the real recorder ({@link ClickRecorder}) and the real aggregator ({@link CounterAggregator}
 * over the real {@link CounterStore}), in simulated time: clicks at a steady rate, recorder batches as SQS makes them,
 * raw clicks onto a {@link SimulatedStream} with a shard per table partition, {@link StreamPollers} as Lambda's
 * mapping, and counters written to our DynamoDB engine on the same simulated clock, with its per-partition limit of
 * 1,000 WCU/s switched on. Every write is charged by AWS's rules per partition key and simulated second.
 */
final class HotKeySimulation {
  static final Instant START = Instant.parse("2026-12-01T12:00:00Z");
  static final long TICK_MILLIS = 10;

  record Settings(int perSecond, int shards, int recorderBatch, long recorderWindowMillis, int aggregatorBatch, long aggregatorWindowMillis) {}

  /** One simulated second: what arrived, what the aggregator did, and the hottest key's load. */
  record Second(long second, int delivered, int invocations, int counterWrites, String hottestKey, double hottestWcu) {}

  /** Where the functions' time went, measured in-process (not Lambda's billing): calls and milliseconds each. */
  record FunctionTime(int recorderCalls, double recorderMillis, int aggregatorCalls, double aggregatorMillis) {}

  record Result(Workload workload, Settings settings, List<Second> seconds, double rawWcu, double counterWcu,
      long counterItemBytes, int invocations, int retries, boolean exact, double rcu, FunctionTime time) {
    double wcuPerClick() {
      return (rawWcu + counterWcu) / workload.distinct();
    }

    double hottestKeyWcu() {
      return seconds.stream().mapToDouble(Second::hottestWcu).max().orElse(0);
    }
  }

  private HotKeySimulation() {}

  static Result run(Workload w, Settings s) throws Exception {
    ManualTimeline timeline = new ManualTimeline(START);
    long[] now = {0};
    WriteAccounting.Ledger ledger = new WriteAccounting.Ledger(() -> now[0] / 1000);
    try (DynamoDbEmulator engine = DynamoDbEmulator.builder().port(0).timeline(timeline).hotPartitionThrottling(true).start();
         DynamoDbClient dynamo = counterClient(engine, ledger)) {
      String table = "HotKey";
      createTable(dynamo, table);
      SimulatedStream stream = new SimulatedStream(s.shards());
      WriteAccounting.Ledger rawLedger = new WriteAccounting.Ledger(() -> now[0] / 1000);
      // The raw click log charges both ledgers: the whole run's, and the raw clicks' alone.
      ClickRecorder recorder = new ClickRecorder(new ClickClassifier(), new StreamClickStore(stream, List.of(ledger, rawLedger), () -> now[0]),
          Duration.ofDays(90));
      CounterAggregator aggregator = new CounterAggregator(CounterStore.dynamoDb(dynamo, table));
      StreamPollers pollers = new StreamPollers(stream, s.aggregatorBatch(), s.aggregatorWindowMillis(), 7);

      List<ClickSchedule.Delivery> deliveries = ClickSchedule.of(w, START, s.perSecond());
      RecorderBatches batches = new RecorderBatches(recorder, s.recorderBatch(), s.recorderWindowMillis());
      List<Second> seconds = new ArrayList<>();
      int next = 0;
      final int[] perSecond = new int[3];
      final long[] time = new long[2];
      long end = deliveries.get(deliveries.size() - 1).atMillis() + 1;
      for (now[0] = 0; next < deliveries.size() || !batches.empty() || !pollers.drained(); now[0] += TICK_MILLIS) {
        if (now[0] > end + 600_000) throw new IllegalStateException("the aggregator fell ten minutes behind; giving up");
        timeline.advance(Duration.ofMillis(TICK_MILLIS));
        while (next < deliveries.size() && deliveries.get(next).atMillis() <= now[0]) {
          batches.offer(deliveries.get(next++).message(), now[0]);
          perSecond[0]++;
        }
        batches.tick(now[0], next == deliveries.size());
        pollers.poll(now[0], batch -> {
          long t = System.nanoTime();
          CounterAggregator.Result r = aggregator.aggregate(batch);
          time[0]++;
          time[1] += System.nanoTime() - t;
          perSecond[1]++;
          perSecond[2] += r.written().size();
          return r.retryFrom();
        });
        if ((now[0] + TICK_MILLIS) % 1000 == 0) {
          seconds.add(second(ledger, now[0] / 1000, perSecond));
          java.util.Arrays.fill(perSecond, 0);
        }
      }
      if (perSecond[0] + perSecond[1] > 0) seconds.add(second(ledger, now[0] / 1000, perSecond));
      boolean exact = exact(dynamo, table, w);
      return new Result(w, s, seconds, rawLedger.wcu(), ledger.wcu() - rawLedger.wcu(), ledger.largestItem(Keys.STATS_PREFIX),
          pollers.invocations(), pollers.retries(), exact, ledger.rcu(),
          new FunctionTime(batches.calls(), batches.millis(), (int) time[0], time[1] / 1e6));
    }
  }

  private static Second second(WriteAccounting.Ledger ledger, long second, int[] counts) {
    var hottest = ledger.hottestIn(second);
    return new Second(second, counts[0], counts[1], counts[2], hottest.getKey(), hottest.getValue());
  }

  private static void createTable(DynamoDbClient dynamo, String table) {
    dynamo.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName(Keys.PK).attributeType("S"), a -> a.attributeName(Keys.SK).attributeType("S"))
        .keySchema(k -> k.attributeName(Keys.PK).keyType("HASH"), k -> k.attributeName(Keys.SK).keyType("RANGE")));
  }

  private static DynamoDbClient counterClient(DynamoDbEmulator engine, WriteAccounting.Ledger ledger) {
    // One attempt: a throttled counter write fails the batch from that counter, and the mapping delivers it again,
    // in simulated time (the SDK's own backoff would sleep on the wall clock).
    return AwsOptions.defaults().at(DynamoDbClient.builder(), "DYNAMODB", engine.endpoint())
        .overrideConfiguration(c -> c.addExecutionInterceptor(new WriteAccounting(ledger)).retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** Whether every link's counters hold exactly its distinct clicks. */
  private static boolean exact(DynamoDbClient dynamo, String table, Workload w) {
    Map<String, Long> counted = new HashMap<>();
    dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
      if (item.get(Keys.PK).s().startsWith(Keys.STATS_PREFIX)) counted.merge(item.get("code").s(), Long.parseLong(item.get("total").n()), Long::sum);
    });
    return counted.equals(w.expectedPerLink());
  }

  static Optional<Second> worst(List<Second> seconds) {
    return seconds.stream().max(java.util.Comparator.comparingDouble(Second::hottestWcu));
  }
}
