package dev.linkpulse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class KeysPropertiesTest {
  /** 1970-01-01 to 9999-12-31T23:59:59.999Z: the range four-digit years (and 13-digit millis) can spell. */
  private static final long MAX_MILLIS = 253_402_300_799_999L;

  @Property(tries = 1000)
  void codeOfClickPartitionRoundTripsForAnyAliasAndShard(
      @ForAll("codes") String code, @ForAll @IntRange(min = 0, max = Keys.CLICK_SHARDS - 1) int shard) {
    assertThat(Keys.codeOfClickPartition(Keys.clickPartition(code, shard))).isEqualTo(code);
  }

  @Property(tries = 1000)
  void codeOfClickPartitionRoundTripsForAnyCodeAndEventId(@ForAll @net.jqwik.api.constraints.NotEmpty String code, @ForAll String eventId) {
    String pk = Keys.click(code, Instant.EPOCH, eventId).get(Keys.PK).s();
    assertThat(Keys.codeOfClickPartition(pk)).isEqualTo(code);
  }

  @Property(tries = 2000)
  void clickShardIsAlwaysInRangeAndStable(@ForAll String eventId) {
    int shard = Keys.clickShard(eventId);
    assertThat(shard).isBetween(0, Keys.CLICK_SHARDS - 1);
    assertThat(Keys.clickShard(new String(eventId.toCharArray()))).isEqualTo(shard);
  }

  @Property(tries = 1000)
  void hourOfSortRoundTripsToTheStartOfTheHour(@ForAll @LongRange(min = 0, max = MAX_MILLIS) long millis) {
    Instant t = Instant.ofEpochMilli(millis);
    assertThat(Keys.hourOfSort(Keys.hourSort(t))).isEqualTo(t.truncatedTo(ChronoUnit.HOURS));
  }

  @Property(tries = 1000)
  void hourSortKeysOrderLikeTheirHours(
      @ForAll @LongRange(min = 0, max = MAX_MILLIS) long a, @ForAll @LongRange(min = 0, max = MAX_MILLIS) long b) {
    Instant ha = Instant.ofEpochMilli(a).truncatedTo(ChronoUnit.HOURS);
    Instant hb = Instant.ofEpochMilli(b).truncatedTo(ChronoUnit.HOURS);
    assertThat(Integer.signum(Keys.hourSort(ha).compareTo(Keys.hourSort(hb)))).isEqualTo(Integer.signum(ha.compareTo(hb)));
  }

  @Property(tries = 1000)
  void clickSortKeysOrderLikeTheirTimes(
      @ForAll @LongRange(min = 0, max = 9_999_999_999_999L) long a, @ForAll @LongRange(min = 0, max = 9_999_999_999_999L) long b,
      @ForAll("codes") String eventId) {
    assertThat(Integer.signum(Keys.clickSort(a, eventId).compareTo(Keys.clickSort(b, eventId))))
        .isEqualTo(Long.signum(Long.compare(a, b)));
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(3).ofMaxLength(64);
  }
}
