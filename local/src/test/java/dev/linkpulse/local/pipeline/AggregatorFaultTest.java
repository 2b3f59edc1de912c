package dev.linkpulse.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import dev.linkpulse.pipeline.aggregator.CounterAggregator;
import dev.linkpulse.pipeline.aggregator.CounterState;
import dev.linkpulse.pipeline.aggregator.CounterStore;
import dev.linkpulse.pipeline.aggregator.StreamClick;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The aggregator against real DynamoDB Local, with faults injected between its counter writes. Every scenario ends
 * with counts equal to the distinct clicks, exactly.
 */
class AggregatorFaultTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  static final Instant H1 = Instant.parse("2026-03-01T10:15:00Z");
  static final Instant H2 = Instant.parse("2026-03-01T11:20:00Z");

  /** A process crash: an Error escapes the handler, nothing after it runs, the whole batch is delivered again. */
  static final class Crash extends Error {
    Crash() {
      super("simulated crash after a counter write");
    }
  }

  /** The real store, crashing the process right after its first successful write. */
  static final class CrashAfterFirstWrite extends CounterStore {
    final AtomicInteger writes = new AtomicInteger();

    CrashAfterFirstWrite(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
      super(dynamo, table);
    }

    @Override
    public boolean save(CounterState state) {
      boolean saved = super.save(state);
      if (saved && writes.incrementAndGet() == 1) throw new Crash();
      return saved;
    }
  }

  private CounterStore store() {
    return new CounterStore(stack.stack().dynamo(), stack.stack().tableName("LinkpulseTable"));
  }

  private static List<StreamClick> batch(String code, long firstSequence, int inH1, int inH2) {
    List<StreamClick> out = new ArrayList<>();
    long seq = firstSequence;
    for (int i = 0; i < inH1 + inH2; i++) {
      Instant t = i < inH1 ? H1.plusSeconds(i) : H2.plusSeconds(i);
      boolean bot = i % 4 == 3;
      ClickEvent e = new ClickEvent(UUID.randomUUID().toString(), t, code, "GET", "https://news.example/item", "Mozilla/5.0",
          i % 2 == 0 ? "DE" : "US", "visitor-" + i, false, Map.of());
      // Two raw-click partitions, as the real key scheme spreads clicks: watermarks are per partition.
      String partition = "CLICK#" + code + "#" + (i % 2);
      out.add(new StreamClick(String.format("%021d", seq++), partition,
          new RawClick(e, "Chrome", "Mac OS X", "desktop", bot, bot ? "crawler" : null)));
    }
    return out;
  }

  private void assertCounts(String code, long h1Total, long h2Total) {
    CounterStore s = store();
    assertThat(s.load(code, H1.truncatedTo(java.time.temporal.ChronoUnit.HOURS)).total()).isEqualTo(h1Total);
    assertThat(s.load(code, H2.truncatedTo(java.time.temporal.ChronoUnit.HOURS)).total()).isEqualTo(h2Total);
  }

  @Test
  void crashBetweenTwoCounterWritesThenRetryCountsExactlyOnce() {
    String code = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    List<StreamClick> records = batch(code, 1000, 6, 4);
    CrashAfterFirstWrite crashing = new CrashAfterFirstWrite(stack.stack().dynamo(), stack.stack().tableName("LinkpulseTable"));
    assertThatThrownBy(() -> new CounterAggregator(crashing).aggregate(records)).isInstanceOf(Crash.class);
    assertCounts(code, 6, 0);

    // The mapping delivers the same batch again; the first counter skips it by its watermarks.
    CounterAggregator.Result retry = new CounterAggregator(store()).aggregate(records);
    assertThat(retry.clicksFolded()).isEqualTo(4);
    assertThat(retry.recordsSkipped()).isEqualTo(6);
    assertCounts(code, 6, 4);

    // And once more, for good measure: nothing changes.
    assertThat(new CounterAggregator(store()).aggregate(records).clicksFolded()).isZero();
    assertCounts(code, 6, 4);
    CounterState h1 = store().load(code, H1.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
    assertThat(h1.human() + h1.bot()).isEqualTo(6);
    assertThat(h1.bot()).isEqualTo(1);
    assertThat(h1.uniques().estimate()).isEqualTo(5);
  }

  @Test
  void aReportedFailureResumesFromItsSequenceAndSkipsWhatWasWritten() {
    String code = "fail-" + UUID.randomUUID().toString().substring(0, 8);
    List<StreamClick> records = batch(code, 5000, 3, 3);
    AtomicInteger calls = new AtomicInteger();
    CounterStore failingSecond = new CounterStore(stack.stack().dynamo(), stack.stack().tableName("LinkpulseTable")) {
      @Override
      public boolean save(CounterState state) {
        if (calls.incrementAndGet() == 2) throw new IllegalStateException("throttled");
        return super.save(state);
      }
    };
    CounterAggregator.Result first = new CounterAggregator(failingSecond).aggregate(records);
    assertThat(first.retryFrom()).contains(records.get(3).sequenceNumber());
    assertCounts(code, 3, 0);

    // The mapping redelivers from the reported sequence (here: the records from index 3 on).
    new CounterAggregator(store()).aggregate(records.subList(3, records.size()));
    assertCounts(code, 3, 3);
  }

  @Test
  void aRetriedBatchThatGrewCountsOnlyTheNewRecords() {
    String code = "grow-" + UUID.randomUUID().toString().substring(0, 8);
    List<StreamClick> all = batch(code, 9000, 8, 0);
    new CounterAggregator(store()).aggregate(all.subList(0, 5));
    // A retry after a failure may come back with more records than the first delivery held.
    CounterAggregator.Result bigger = new CounterAggregator(store()).aggregate(all);
    assertThat(bigger.clicksFolded()).isEqualTo(3);
    assertCounts(code, 8, 0);
    // Bisected halves of an already-applied batch change nothing either.
    new CounterAggregator(store()).aggregate(all.subList(0, 4));
    new CounterAggregator(store()).aggregate(all.subList(4, 8));
    assertCounts(code, 8, 0);
  }

  @Test
  void concurrentWritersToOneCounterLoseNothing() throws Exception {
    String code = "race-" + UUID.randomUUID().toString().substring(0, 8);
    // Two shards' pollers folding different partitions into the same hour at once.
    List<StreamClick> a = new ArrayList<>();
    List<StreamClick> b = new ArrayList<>();
    for (StreamClick r : batch(code, 100, 40, 0)) (r.partition().endsWith("#0") ? a : b).add(r);
    Thread t1 = new Thread(() -> new CounterAggregator(store()).aggregate(a));
    Thread t2 = new Thread(() -> new CounterAggregator(store()).aggregate(b));
    t1.start();
    t2.start();
    t1.join();
    t2.join();
    assertCounts(code, 40, 0);
  }
}
