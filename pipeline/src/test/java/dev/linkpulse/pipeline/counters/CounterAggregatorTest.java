package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.links.LinkLife;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Keys;
import dev.linkpulse.pipeline.TestClicks;
import dev.linkpulse.pipeline.clicks.StreamClick;
import dev.linkpulse.pipeline.counters.FaultyCounterStore.Fault;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Folding a batch into counters, on the in-memory model of the store. */
class CounterAggregatorTest {
  static final Instant TEN = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant ELEVEN = TEN.plusSeconds(3600);

  private final InMemoryCounterStore store = new InMemoryCounterStore();

  private static StreamClick click(long sequence, int shard, String code, Instant time) {
    return TestClicks.streamed(sequence, shard, TestClicks.raw(code, time, "visitor-" + sequence, "DE", false));
  }

  @Test
  void aggregate_writesOneCounterPerLinkAndHour() {
    String a = TestClicks.code("a");
    String b = TestClicks.code("b");
    List<StreamClick> batch = List.of(click(1, 0, a, TEN.plusSeconds(5)), click(2, 1, a, TEN.plusSeconds(9)),
        click(3, 0, a, ELEVEN.plusSeconds(1)), click(4, 2, b, TEN.plusSeconds(2)));
    CounterAggregator.Result result = new CounterAggregator(store).aggregate(batch);

    assertThat(result.written()).extracting(w -> w.state().code() + "@" + w.state().hour())
        .containsExactly(a + "@" + TEN, a + "@" + ELEVEN, b + "@" + TEN);
    assertThat(result.written().get(0).applied()).containsExactly(batch.get(0), batch.get(1));
    assertThat(result.clicksFolded()).isEqualTo(4);
    assertThat(result.recordsSkipped()).isZero();
    assertThat(result.retryFrom()).isEmpty();
    assertThat(store.load(LinkLife.legacy(a), TEN).total()).isEqualTo(2);
    assertThat(store.load(LinkLife.legacy(a), ELEVEN).total()).isEqualTo(1);
    assertThat(store.load(LinkLife.legacy(b), TEN).total()).isEqualTo(1);
  }

  @Test
  void aggregate_sameBatchTwice_countsOnceAndWritesNothingTheSecondTime() {
    String code = TestClicks.code("twice");
    List<StreamClick> batch = List.of(click(1, 0, code, TEN), click(2, 1, code, TEN));
    new CounterAggregator(store).aggregate(batch);
    CounterAggregator.Result again = new CounterAggregator(store).aggregate(batch);
    assertThat(again.written()).isEmpty();
    assertThat(again.clicksFolded()).isZero();
    assertThat(again.recordsSkipped()).isEqualTo(2);
    CounterState s = store.load(LinkLife.legacy(code), TEN);
    assertThat(s.total()).isEqualTo(2);
    assertThat(s.version).as("no write for a batch already counted").isEqualTo(1);
  }

  @Test
  void aggregate_foldsInSequenceOrder_comparingSequencesAsNumbers() {
    String code = TestClicks.code("order");
    // "10" sorts before "9" as text; as numbers 9 comes first, and both must count.
    StreamClick nine = new StreamClick("9", Keys.clickPartition(LinkLife.legacy(code), 0), TestClicks.raw(code, TEN, "visitor-9", "DE", false));
    StreamClick ten = new StreamClick("10", Keys.clickPartition(LinkLife.legacy(code), 0), TestClicks.raw(code, TEN, "visitor-10", "DE", false));
    CounterAggregator.Result result = new CounterAggregator(store).aggregate(List.of(ten, nine));
    assertThat(result.written().get(0).applied()).containsExactly(nine, ten);
    assertThat(store.load(LinkLife.legacy(code), TEN).total()).isEqualTo(2);
    assertThat(store.load(LinkLife.legacy(code), TEN).watermark(nine.partition())).isEqualTo(BigInteger.TEN);
  }

  @Test
  void aggregate_failedCounter_isReportedByItsLowestSequence_andTheOthersAreWritten() {
    String code = TestClicks.code("fail");
    List<StreamClick> batch = List.of(click(1, 0, code, TEN), click(2, 0, code, ELEVEN), click(3, 0, code, TEN), click(4, 0, code, ELEVEN));
    // The TEN counter saves first and succeeds; the ELEVEN counter's save is refused.
    CounterAggregator.Result result = new CounterAggregator(new FaultyCounterStore(store, 2, Fault.FAIL)).aggregate(batch);
    assertThat(result.retryFrom()).contains(TestClicks.sequence(2));
    assertThat(result.written()).extracting(w -> w.state().hour()).containsExactly(TEN);
    assertThat(result.clicksFolded()).isEqualTo(2);
    assertThat(result.recordsSkipped()).isEqualTo(2);
    assertThat(store.load(LinkLife.legacy(code), TEN).total()).isEqualTo(2);
    assertThat(store.load(LinkLife.legacy(code), ELEVEN).total()).isZero();
  }

  @Test
  void aggregate_counterThatKeepsChanging_isReportedAfterEveryOptimisticRound() {
    String code = TestClicks.code("busy");
    AtomicInteger saves = new AtomicInteger();
    CounterStore alwaysRaced = new CounterStore() {
      @Override
      public CounterState load(LinkLife c, Instant hour) {
        return store.load(c, hour);
      }

      @Override
      public boolean save(CounterState state) {
        saves.incrementAndGet();
        return false;
      }

      @Override
      public List<CounterState> range(LinkLife c, Instant from, Instant to) {
        return store.range(c, from, to);
      }
    };
    CounterAggregator.Result result = new CounterAggregator(alwaysRaced).aggregate(List.of(click(7, 0, code, TEN)));
    assertThat(saves).hasValue(CounterAggregator.OPTIMISTIC_ROUNDS);
    assertThat(result.retryFrom()).contains(TestClicks.sequence(7));
    assertThat(result.written()).isEmpty();
  }

  @Test
  void aggregate_emptyBatch_writesNothing() {
    CounterAggregator.Result result = new CounterAggregator(store).aggregate(List.of());
    assertThat(result.written()).isEmpty();
    assertThat(result.clicksFolded()).isZero();
    assertThat(result.retryFrom()).isEmpty();
  }
}
