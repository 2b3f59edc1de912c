package dev.linkpulse.core;

import static dev.linkpulse.testing.Generators.ALPHANUMERIC;
import static dev.linkpulse.testing.Generators.intsBetween;
import static dev.linkpulse.testing.Generators.longsBetween;
import static dev.linkpulse.testing.Generators.strings;
import static dev.linkpulse.testing.Generators.stringsOf;
import static dev.linkpulse.testing.Generators.withEdgeCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.linkpulse.core.links.LinkLife;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class KeysPropertiesTest {
  /** 1970-01-01 to 9999-12-31T23:59:59.999Z: the range four-digit years (and 13-digit millis) can spell. */
  private static final long MAX_MILLIS = 253_402_300_799_999L;
  private static final long MAX_CLICK_MILLIS = 9_999_999_999_999L;
  private static final long HOUR = 3_600_000L;
  private static final Gen<String> CODES = stringsOf(ALPHANUMERIC + "-_", 3, 64);

  @Test
  void lifeOfClickPartitionRoundTripsForAnyCodeIncarnationAndShard() {
    Gen<String> incarnations = stringsOf(ALPHANUMERIC, 0, 16);
    qt().withExamples(1100).forAll(CODES, incarnations, intsBetween(0, Keys.CLICK_SHARDS - 1)).checkAssert((code, incarnation, shard) -> {
      LinkLife life = new LinkLife(code, incarnation);
      assertThat(Keys.lifeOfClickPartition(Keys.clickPartition(life, shard))).isEqualTo(life);
    });
  }

  @Test
  void lifeOfClickPartitionRoundTripsForAnyEventId() {
    qt().withExamples(1050).forAll(CODES, strings()).checkAssert((code, eventId) -> {
      String pk = Keys.click(new LinkLife(code, "Zq81"), Instant.EPOCH, eventId).get(Keys.PK).s();
      assertThat(Keys.lifeOfClickPartition(pk)).isEqualTo(new LinkLife(code, "Zq81"));
    });
  }

  @Test
  void clickShardIsAlwaysInRangeAndStable() {
    qt().withExamples(2500).forAll(strings()).checkAssert(eventId -> {
      int shard = Keys.clickShard(eventId);
      assertThat(shard).isBetween(0, Keys.CLICK_SHARDS - 1);
      assertThat(Keys.clickShard(new String(eventId.toCharArray()))).isEqualTo(shard);
    });
  }

  @Test
  void hourOfSortRoundTripsToTheStartOfTheHour() {
    qt().withExamples(1250).forAll(millisUpTo(MAX_MILLIS)).checkAssert(millis -> {
      Instant t = Instant.ofEpochMilli(millis);
      assertThat(Keys.hourOfSort(Keys.hourSort(t))).isEqualTo(t.truncatedTo(ChronoUnit.HOURS));
    });
  }

  @Test
  void hourSortKeysOrderLikeTheirHours() {
    qt().withExamples(1100).forAll(pairsNear(MAX_MILLIS, HOUR)).checkAssert(pair -> {
      Instant ha = Instant.ofEpochMilli(pair.get(0)).truncatedTo(ChronoUnit.HOURS);
      Instant hb = Instant.ofEpochMilli(pair.get(1)).truncatedTo(ChronoUnit.HOURS);
      assertThat(Integer.signum(Keys.hourSort(ha).compareTo(Keys.hourSort(hb)))).isEqualTo(Integer.signum(ha.compareTo(hb)));
    });
  }

  @Test
  void clickSortKeysOrderLikeTheirTimes() {
    qt().withExamples(1050).forAll(pairsNear(MAX_CLICK_MILLIS, 1), CODES).checkAssert((pair, eventId) -> {
      long a = pair.get(0);
      long b = pair.get(1);
      assertThat(Integer.signum(Keys.clickSort(a, eventId).compareTo(Keys.clickSort(b, eventId))))
          .isEqualTo(Long.signum(Long.compare(a, b)));
    });
  }

  /** Millis in [0, max]: uniform, hour starts and their neighbours, and the digit-count steps (10^k - 1, 10^k). */
  private static Gen<Long> millisUpTo(long max) {
    List<Long> edges = new ArrayList<>();
    for (long power = 10; power <= max; power *= 10) {
      edges.add(power - 1);
      edges.add(power);
    }
    Gen<Long> hourStarts = longsBetween(0, max / HOUR)
        .zip(Generate.longRange(-1, 1), (hour, nudge) -> Math.max(0, Math.min(max, hour * HOUR + nudge)));
    return withEdgeCases(Generate.frequency(Pair.of(3, longsBetween(0, max)), Pair.of(1, hourStarts)), edges);
  }

  /**
   * Two millis in [0, max]: independent, equal, or at most {@code step} apart, so that equal and adjacent keys are
   * compared as often as distant ones (independent uniform draws are almost never equal).
   */
  private static Gen<List<Long>> pairsNear(long max, long step) {
    Gen<Long> first = millisUpTo(max);
    return first.flatMap(a -> Generate.oneOf(first, Generate.constant(a),
        Generate.longRange(Math.max(0, a - step), Math.min(max, a + step), a)).map(b -> List.of(a, b)));
  }
}
