package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.links.LinkLife;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.pipeline.DynamoDbFixture;
import dev.linkpulse.pipeline.TestClicks;
import dev.linkpulse.pipeline.clicks.StreamClick;
import dev.linkpulse.pipeline.counters.FaultyCounterStore.Crash;
import dev.linkpulse.pipeline.counters.FaultyCounterStore.Fault;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The aggregator against the real DynamoDB adapter, with faults injected between its counter writes. Every scenario
 * ends with counts equal to the distinct clicks, exactly.
 */
class AggregatorFaultTest {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();

  static final Instant H1 = Instant.parse("2026-03-01T10:15:00Z");
  static final Instant H2 = Instant.parse("2026-03-01T11:20:00Z");

  private CounterStore store() {
    return CounterStore.dynamoDb(db.dynamo(), db.table());
  }

  private static List<StreamClick> batch(String code, long firstSequence, int inH1, int inH2) {
    List<StreamClick> out = new ArrayList<>();
    long seq = firstSequence;
    for (int i = 0; i < inH1 + inH2; i++) {
      Instant t = i < inH1 ? H1.plusSeconds(i) : H2.plusSeconds(i);
      boolean bot = i % 4 == 3;
      // Two raw-click partitions, as the real key scheme spreads clicks: watermarks are per partition.
      out.add(TestClicks.streamed(seq++, i % 2, TestClicks.raw(code, t, "visitor-" + i, i % 2 == 0 ? "DE" : "US", bot)));
    }
    return out;
  }

  private void assertCounts(String code, long h1Total, long h2Total) {
    CounterStore s = store();
    assertThat(s.load(LinkLife.legacy(code), H1.truncatedTo(ChronoUnit.HOURS)).total()).isEqualTo(h1Total);
    assertThat(s.load(LinkLife.legacy(code), H2.truncatedTo(ChronoUnit.HOURS)).total()).isEqualTo(h2Total);
  }

  @Test
  void crashBetweenTwoCounterWritesThenRetryCountsExactlyOnce() {
    String code = TestClicks.code("crash");
    List<StreamClick> records = batch(code, 1000, 6, 4);
    // The real store, crashing the process right after its first write.
    CounterStore crashing = new FaultyCounterStore(store(), 1, Fault.CRASH);
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
    CounterState h1 = store().load(LinkLife.legacy(code), H1.truncatedTo(ChronoUnit.HOURS));
    assertThat(h1.human() + h1.bot()).isEqualTo(6);
    assertThat(h1.bot()).isEqualTo(1);
    assertThat(h1.uniques().estimate()).isEqualTo(5);
  }

  @Test
  void aReportedFailureResumesFromItsSequenceAndSkipsWhatWasWritten() {
    String code = TestClicks.code("fail");
    List<StreamClick> records = batch(code, 5000, 3, 3);
    CounterStore failingSecond = new FaultyCounterStore(store(), 2, Fault.FAIL);
    CounterAggregator.Result first = new CounterAggregator(failingSecond).aggregate(records);
    assertThat(first.retryFrom()).contains(records.get(3).sequenceNumber());
    assertCounts(code, 3, 0);

    // The mapping redelivers from the reported sequence (here: the records from index 3 on).
    new CounterAggregator(store()).aggregate(records.subList(3, records.size()));
    assertCounts(code, 3, 3);
  }

  @Test
  void aLostAcknowledgementIsRetriedAndCountedOnce() {
    String code = TestClicks.code("lost");
    List<StreamClick> records = batch(code, 7000, 3, 3);
    // The second counter's write lands, but the aggregator sees it fail and reports it.
    CounterAggregator.Result first = new CounterAggregator(new FaultyCounterStore(store(), 2, Fault.LOSE_ACKNOWLEDGEMENT)).aggregate(records);
    assertThat(first.retryFrom()).contains(records.get(3).sequenceNumber());
    assertCounts(code, 3, 3);

    CounterAggregator.Result retry = new CounterAggregator(store()).aggregate(records.subList(3, records.size()));
    assertThat(retry.clicksFolded()).isZero();
    assertThat(retry.written()).isEmpty();
    assertCounts(code, 3, 3);
  }

  @Test
  void aRetriedBatchThatGrewCountsOnlyTheNewRecords() {
    String code = TestClicks.code("grow");
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
    String code = TestClicks.code("race");
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

  @Test
  void aWriterThatLosesTheRaceReadsAgainAndLosesNothing() {
    String code = TestClicks.code("lose");
    List<StreamClick> a = new ArrayList<>();
    List<StreamClick> b = new ArrayList<>();
    for (StreamClick r : batch(code, 300, 10, 0)) (r.partition().endsWith("#0") ? a : b).add(r);
    // b's poller saves the same counter between a's load and a's save: a's condition fails, it reads and folds again.
    CounterStore racing = new FaultyCounterStore(store(), 1, Fault.RACE, () -> new CounterAggregator(store()).aggregate(b));
    CounterAggregator.Result result = new CounterAggregator(racing).aggregate(a);
    assertThat(result.retryFrom()).isEmpty();
    assertThat(result.clicksFolded()).isEqualTo(5);
    assertCounts(code, 10, 0);
  }
}
