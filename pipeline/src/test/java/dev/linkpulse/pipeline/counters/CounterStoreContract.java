package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.links.LinkLife;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.pipeline.TestClicks;
import dev.linkpulse.pipeline.analytics.UniqueSketch;
import dev.linkpulse.pipeline.clicks.StreamClick;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CounterStore} must do, run against the DynamoDB adapter and against the in-memory model, so the
 * properties proven on the model hold for the adapter.
 */
abstract class CounterStoreContract {
  static final Instant HOUR = Instant.parse("2026-03-01T10:00:00Z");

  abstract CounterStore store();

  private static List<StreamClick> clicks(String code) {
    return List.of(
        TestClicks.streamed(11, 0, TestClicks.raw(code, HOUR.plusSeconds(1), "visitor-a", "DE", false)),
        TestClicks.streamed(12, 1, TestClicks.raw(code, HOUR.plusSeconds(2), "visitor-b", "US", false)),
        TestClicks.streamed(13, 0, TestClicks.raw(code, HOUR.plusSeconds(3), "visitor-a", "DE", false)),
        TestClicks.streamed(14, 1, TestClicks.raw(code, HOUR.plusSeconds(4), "crawler-1", "US", true)));
  }

  @Test
  void load_unknownCounter_isEmptyAtVersionZero() {
    CounterState s = store().load(LinkLife.legacy(TestClicks.code("none")), HOUR);
    assertThat(s.total()).isZero();
    assertThat(s.version).isZero();
    assertThat(s.uniques().isEmpty()).isTrue();
    assertThat(s.watermarks).isEmpty();
    assertThat(s.dimensions()).containsOnlyKeys(CounterState.DIMENSIONS);
  }

  @Test
  void save_thenLoad_returnsEveryField() {
    String code = TestClicks.code("round");
    CounterState s = store().load(LinkLife.legacy(code), HOUR);
    s.apply(clicks(code));
    assertThat(store().save(s)).isTrue();

    CounterState back = store().load(LinkLife.legacy(code), HOUR);
    assertThat(back.code()).isEqualTo(code);
    assertThat(back.hour()).isEqualTo(HOUR);
    assertThat(List.of(back.total(), back.human(), back.bot())).containsExactly(4L, 3L, 1L);
    assertThat(back.uniques()).isEqualTo(UniqueSketch.empty().add(dev.linkpulse.core.Hashing.hash64("visitor-a"))
        .add(dev.linkpulse.core.Hashing.hash64("visitor-b")));
    assertThat(back.dimensions().get("country").toMap()).isEqualTo(Map.of("DE", 2L, "US", 1L));
    assertThat(back.dimensions().get("browser").toMap()).isEqualTo(Map.of("Chrome", 3L));
    String p0 = clicks(code).get(0).partition();
    String p1 = clicks(code).get(1).partition();
    assertThat(back.watermarks).isEqualTo(Map.of(p0, BigInteger.valueOf(13), p1, BigInteger.valueOf(14)));
    assertThat(back.version).isEqualTo(1);
  }

  /** A viral hour: its sketch is stored deflated (issue 16), and still counts every click once and every visitor. */
  static List<StreamClick> viralClicks(String code) {
    List<StreamClick> clicks = new java.util.ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      clicks.add(TestClicks.streamed(100 + i, i % 32, TestClicks.raw(code, HOUR.plusMillis(i), "visitor-" + (i % 10_000), "DE", false)));
    }
    return clicks;
  }

  @Test
  void save_viralCounter_keepsExactTotalsAndTheSameSketch_andAReplayFoldsNothing() {
    String code = TestClicks.code("viral");
    CounterState s = store().load(LinkLife.legacy(code), HOUR);
    assertThat(s.apply(viralClicks(code))).hasSize(30_000);
    UniqueSketch folded = s.uniques().copy();
    assertThat(store().save(s)).isTrue();

    CounterState back = store().load(LinkLife.legacy(code), HOUR);
    assertThat(List.of(back.total(), back.human(), back.bot())).containsExactly(30_000L, 30_000L, 0L);
    assertThat(back.uniques()).isEqualTo(folded);
    assertThat(back.apply(viralClicks(code))).isEmpty();
    assertThat(back.total()).isEqualTo(30_000L);
  }

  @Test
  void save_fromAStaleVersion_isRefusedAndChangesNothing() {
    String code = TestClicks.code("stale");
    List<StreamClick> clicks = clicks(code);
    CounterState first = store().load(LinkLife.legacy(code), HOUR);
    CounterState second = store().load(LinkLife.legacy(code), HOUR);
    first.apply(clicks.subList(0, 2));
    second.apply(clicks.subList(2, 4));
    assertThat(store().save(first)).isTrue();
    assertThat(store().save(second)).as("both were loaded before either was saved").isFalse();
    assertThat(store().load(LinkLife.legacy(code), HOUR).total()).isEqualTo(2);

    CounterState next = store().load(LinkLife.legacy(code), HOUR);
    next.apply(clicks);
    assertThat(store().save(next)).isTrue();
    assertThat(store().save(next)).as("the same state saved twice").isFalse();
    CounterState back = store().load(LinkLife.legacy(code), HOUR);
    assertThat(back.total()).isEqualTo(4);
    assertThat(back.version).isEqualTo(2);
  }

  @Test
  void save_changesNoOtherCounter() {
    String code = TestClicks.code("other");
    CounterState s = store().load(LinkLife.legacy(code), HOUR);
    s.apply(clicks(code));
    store().save(s);
    assertThat(store().load(LinkLife.legacy(code), HOUR.plusSeconds(3600)).total()).isZero();
    assertThat(store().load(LinkLife.legacy(code + "x"), HOUR).total()).isZero();
  }

  @Test
  void range_returnsTheHoursOverlappingIt_oldestFirst() {
    String code = TestClicks.code("range");
    for (int h : new int[] {12, 9, 11, 10}) {
      Instant hour = HOUR.plusSeconds(3600L * (h - 10));
      CounterState s = store().load(LinkLife.legacy(code), hour);
      s.apply(List.of(TestClicks.streamed(h, 0, TestClicks.raw(code, hour, "visitor-" + h, "DE", false))));
      store().save(s);
    }
    CounterState foreign = store().load(LinkLife.legacy(code + "x"), HOUR);
    foreign.apply(List.of(TestClicks.streamed(1, 0, TestClicks.raw(code + "x", HOUR, "visitor-x", "DE", false))));
    store().save(foreign);

    // From the middle of 10:00 to 12:00 sharp: the 10:00 and 11:00 counters overlap it, 12:00 does not.
    List<CounterState> got = store().range(LinkLife.legacy(code), HOUR.plusSeconds(1800), HOUR.plusSeconds(7200));
    assertThat(got).extracting(CounterState::hour).containsExactly(HOUR, HOUR.plusSeconds(3600));
    assertThat(got).extracting(CounterState::total).containsExactly(1L, 1L);
    assertThat(store().range(LinkLife.legacy(code), HOUR.minusSeconds(7200), HOUR.plusSeconds(86_400))).hasSize(4);
    assertThat(store().range(LinkLife.legacy(code), HOUR.plusSeconds(86_400), HOUR.plusSeconds(90_000))).isEmpty();
  }

  /** Defect 1 of issue 11: a code deleted and created again is a new life, whose counters start from nothing. */
  @Test
  void twoLivesOfOneCode_neverShareACounter() {
    String code = TestClicks.code("lives");
    LinkLife first = new LinkLife(code, "AAAAAAA");
    LinkLife second = new LinkLife(code, "BBBBBBB");
    CounterState old = store().load(first, HOUR);
    old.apply(List.of(TestClicks.streamed(1, 0, TestClicks.raw(first, HOUR, "visitor-a", "DE", false))));
    assertThat(store().save(old)).isTrue();
    assertThat(store().load(second, HOUR).total()).isZero();
    assertThat(store().range(second, HOUR, HOUR.plusSeconds(3600))).isEmpty();
    assertThat(store().range(LinkLife.legacy(code), HOUR, HOUR.plusSeconds(3600))).isEmpty();
    assertThat(store().range(first, HOUR, HOUR.plusSeconds(3600))).extracting(CounterState::total).containsExactly(1L);
  }
}
