package dev.linkpulse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.links.LinkLife;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.IntSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeysTest {
  private static final Instant T = Instant.parse("2024-03-05T07:59:59.999Z");

  // ---- links and owners -------------------------------------------------------------------------------------------

  @Test
  void linkKeyIsLinkPrefixPlusCodeWithAConstantSortKey() {
    assertThat(Keys.link("abc")).isEqualTo(Map.of("PK", AttributeValue.fromS("LINK#abc"), "SK", AttributeValue.fromS("LINK")));
  }

  @Test
  void ownerIndexKeysSpellOwnerAndCreationTimeThenCode() {
    assertThat(Keys.ownerPartition("user-1")).isEqualTo("OWNER#user-1");
    assertThat(Keys.ownerSort(Instant.parse("2024-01-02T03:04:05.678Z"), "abc")).isEqualTo("2024-01-02T03:04:05.678Z#abc");
  }

  @Test
  void ownerSortKeysOrderLikeTheirCreationTimesAcrossSeconds() {
    assertThat(Keys.ownerSort(Instant.parse("2024-01-01T00:00:00.999Z"), "zzz"))
        .isLessThan(Keys.ownerSort(Instant.parse("2024-01-01T00:00:01Z"), "aaa"));
  }

  /**
   * Links are listed newest first by GSI1SK, which starts with {@code Instant.toString()}. That omits a zero fraction,
   * so a link created at exactly 12:00:00.000 ("...00Z") sorts after one created at 12:00:00.500 ("...00.500Z"),
   * because '.' (0x2E) &lt; 'Z' (0x5A).
   */
  @Test
  void ownerSortKeysOrderLikeTheirCreationTimesWithinOneSecond() {
    String exactSecond = Keys.ownerSort(Instant.parse("2024-01-01T12:00:00Z"), "a");
    String halfPast = Keys.ownerSort(Instant.parse("2024-01-01T12:00:00.500Z"), "b");
    assertThat(exactSecond).isLessThan(halfPast);
  }

  // ---- raw clicks -------------------------------------------------------------------------------------------------

  @Test
  void clickKeysAreDeterministicForTheSameEventId() {
    String eventId = "4f1c2a8e-6f0b-4c55-9a55-0c8f5b1e2d3a";
    Map<String, AttributeValue> first = Keys.click(LinkLife.legacy("abc"), T, eventId);
    Map<String, AttributeValue> again = Keys.click(LinkLife.legacy("abc"), T, new String(eventId.toCharArray()));
    assertThat(again).isEqualTo(first);
    int shard = Keys.clickShard(eventId);
    assertThat(first.get(Keys.PK).s()).isEqualTo("CLICK#abc#" + shard);
    assertThat(first.get(Keys.SK).s()).isEqualTo("1709625599999#" + eventId);
  }

  @Test
  void aClickPartitionDependsOnlyOnCodeAndEventIdNotOnTime() {
    String eventId = UUID.randomUUID().toString();
    String pk = Keys.click(LinkLife.legacy("abc"), T, eventId).get(Keys.PK).s();
    assertThat(Keys.click(LinkLife.legacy("abc"), T.plusSeconds(86_400 * 365L), eventId).get(Keys.PK).s()).isEqualTo(pk);
    assertThat(Keys.click(LinkLife.legacy("xyz"), T, eventId).get(Keys.PK).s()).isEqualTo(pk.replace("#abc#", "#xyz#"));
  }

  @Test
  void clickPartitionSpellsCodeAndShard() {
    assertThat(Keys.clickPartition(LinkLife.legacy("abc"), 7)).isEqualTo("CLICK#abc#7");
    assertThat(Keys.clickPartition(LinkLife.legacy("a-b_c"), 31)).isEqualTo("CLICK#a-b_c#31");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "Ab9xYz0", "my-link", "my_link", "a-b_c-d", "---", "___", "-_-", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void lifeOfClickPartitionRoundTripsForEveryShard_legacyAndWithAnIncarnation(String code) {
    for (LinkLife life : new LinkLife[] {LinkLife.legacy(code), new LinkLife(code, "Xy7Qa01")}) {
      for (int shard = 0; shard < Keys.CLICK_SHARDS; shard++) {
        assertThat(Keys.lifeOfClickPartition(Keys.clickPartition(life, shard))).isEqualTo(life);
      }
    }
  }

  @Test
  void lifeOfClickPartitionRoundTripsThroughAFullClickKey() {
    String eventId = UUID.randomUUID().toString();
    LinkLife life = new LinkLife("my-link_2", "k3J9xQ2");
    assertThat(Keys.lifeOfClickPartition(Keys.click(life, T, eventId).get(Keys.PK).s())).isEqualTo(life);
  }

  /** The incarnation keeps the lives of one code apart in every analytics key, and a legacy life keeps its old keys. */
  @Test
  void twoLivesOfOneCodeNeverShareAnAnalyticsKey() {
    String eventId = UUID.randomUUID().toString();
    LinkLife first = new LinkLife("reuse1", "AAAAAAA");
    LinkLife second = new LinkLife("reuse1", "BBBBBBB");
    assertThat(Keys.click(first, T, eventId)).isNotEqualTo(Keys.click(second, T, eventId));
    assertThat(Keys.counter(first, T)).isNotEqualTo(Keys.counter(second, T));
    assertThat(Keys.statsPartition(first)).isEqualTo("STATS#reuse1#AAAAAAA");
    assertThat(Keys.clickPartition(first, 3)).isEqualTo("CLICK#reuse1#AAAAAAA#3");
    assertThat(Keys.statsPartition(LinkLife.legacy("reuse1"))).isEqualTo("STATS#reuse1");
    assertThat(Keys.clickPartition(LinkLife.legacy("reuse1"), 3)).isEqualTo("CLICK#reuse1#3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LINK#abc", "STATS#abc", "click#abc#1", "", "CLICK", "CLICK#a#b#c#1", "CLICK##1"})
  void lifeOfClickPartitionRejectsKeysThatAreNotClickPartitions(String pk) {
    assertThatThrownBy(() -> Keys.lifeOfClickPartition(pk)).isInstanceOf(IllegalArgumentException.class);
  }


  @Test
  void clickSortIsThirteenZeroPaddedDigitsThenTheEventId() {
    assertThat(Keys.clickSort(5, "e")).isEqualTo("0000000000005#e");
    assertThat(Keys.clickSort(1_709_625_599_999L, "id")).isEqualTo("1709625599999#id");
    assertThat(Keys.clickSort(0, "")).isEqualTo("0000000000000#");
  }

  @Test
  void clickSortKeysOrderLikeTheirTimes() {
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      long a = random.nextLong(10_000_000_000_000L);
      long b = random.nextLong(10_000_000_000_000L);
      assertThat(Integer.signum(Keys.clickSort(a, "x").compareTo(Keys.clickSort(b, "x"))))
          .isEqualTo(Long.signum(Long.compare(a, b)));
    }
  }

  @Test
  void clickSortUsesAsciiDigitsWhateverTheDefaultLocale() {
    for (String tag : new String[] {"ar-SA", "fa-IR", "th-TH-u-nu-thai", "hi-IN-u-nu-deva"}) {
      String key = withDefaultLocale(Locale.forLanguageTag(tag), () -> Keys.clickSort(1_709_625_599_999L, "id"));
      assertThat(key).as("clickSort under %s", tag).isEqualTo("1709625599999#id");
    }
  }

  @Test
  void clickShardIsWithinRangeForAnyEventId() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String id = random.nextInt(4) == 0 ? Integer.toString(random.nextInt()) : UUID.randomUUID().toString();
      assertThat(Keys.clickShard(id)).isBetween(0, Keys.CLICK_SHARDS - 1);
    }
    assertThat(Keys.clickShard("")).isBetween(0, Keys.CLICK_SHARDS - 1);
  }

  /**
   * One second of a viral link: 10,000 clicks, each a raw-click item of 1 WCU. One partition key takes at most
   * 1,000 WCU/s, so no shard may receive more than 1,000 of them.
   */
  @Test
  void hotLinkClicksSpreadSoNoPartitionExceeds1000WcuPerSecond() {
    int clicksPerSecond = 10_000;
    int worstMax = 0;
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      Map<String, Integer> perPartition = countPerPartition(clicksPerSecond, () -> randomUuid(random).toString());
      IntSummaryStatistics stats = summarise("seed " + seed, perPartition);
      assertThat(stats.getSum()).isEqualTo(clicksPerSecond);
      assertThat(perPartition).hasSize(Keys.CLICK_SHARDS);
      assertThat(stats.getMax()).isLessThanOrEqualTo(1000);
      worstMax = Math.max(worstMax, stats.getMax());
    }
    // And with the JVM's own random UUIDs, as an event source would create them.
    IntSummaryStatistics stats = summarise("randomUUID", countPerPartition(clicksPerSecond, () -> UUID.randomUUID().toString()));
    assertThat(stats.getMax()).isLessThanOrEqualTo(1000);
    // Far from the limit, not just under it: the ideal is 10,000 / 32 = 312.5.
    assertThat(worstMax).isLessThan(500);
  }

  @Test
  void upperCaseUuidsSpreadAsWellAsLowerCaseOnes() {
    Random random = new Random(5);
    IntSummaryStatistics stats = summarise("upper-case UUIDs",
        countPerPartition(10_000, () -> randomUuid(random).toString().toUpperCase(Locale.ROOT)));
    assertThat(stats.getMax()).isLessThanOrEqualTo(1000);
    assertThat(stats.getCount()).isEqualTo(Keys.CLICK_SHARDS);
  }

  // ---- hourly counters --------------------------------------------------------------------------------------------

  @Test
  void hourSortSpellsTheUtcHour() {
    assertThat(Keys.hourSort(T)).isEqualTo("HOUR#2024-03-05T07");
    assertThat(Keys.hourSort(Instant.parse("2024-03-05T08:00:00Z"))).isEqualTo("HOUR#2024-03-05T08");
    assertThat(Keys.hourSort(Instant.parse("1999-12-31T23:30:00Z"))).isEqualTo("HOUR#1999-12-31T23");
  }

  @Test
  void hourSortIgnoresTheDefaultTimeZone() {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
      assertThat(Keys.hourSort(T)).isEqualTo("HOUR#2024-03-05T07");
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void hourSortUsesAsciiDigitsWhateverTheDefaultLocale() {
    for (String tag : new String[] {"ar-SA", "th-TH-u-nu-thai", "hi-IN-u-nu-deva"}) {
      assertThat(withDefaultLocale(Locale.forLanguageTag(tag), () -> Keys.hourSort(T))).isEqualTo("HOUR#2024-03-05T07");
    }
  }

  @Test
  void hourOfSortRoundTripsToTheStartOfTheHour() {
    assertThat(Keys.hourOfSort(Keys.hourSort(T))).isEqualTo(Instant.parse("2024-03-05T07:00:00Z"));
    assertThat(Keys.hourOfSort("HOUR#2030-12-31T23")).isEqualTo(Instant.parse("2030-12-31T23:00:00Z"));
    Random random = new Random(17);
    for (int i = 0; i < 10_000; i++) {
      Instant t = Instant.ofEpochMilli(random.nextLong(253_402_300_799_999L)); // up to 9999-12-31T23:59:59.999Z
      assertThat(Keys.hourOfSort(Keys.hourSort(t))).isEqualTo(t.truncatedTo(ChronoUnit.HOURS));
    }
  }

  @Test
  void counterKeyIsTheStatsPartitionAndTheHour() {
    assertThat(Keys.counter(LinkLife.legacy("abc"), T)).isEqualTo(
        Map.of("PK", AttributeValue.fromS("STATS#abc"), "SK", AttributeValue.fromS("HOUR#2024-03-05T07")));
    assertThat(Keys.statsPartition(LinkLife.legacy("abc"))).isEqualTo("STATS#abc");
  }

  // ---- live subscriptions -----------------------------------------------------------------------------------------

  @Test
  void subscriptionKeysPointBothWays() {
    assertThat(Keys.subscription("abc", "conn1"))
        .isEqualTo(Map.of("PK", AttributeValue.fromS("SUBS#abc"), "SK", AttributeValue.fromS("CONN#conn1")));
    assertThat(Keys.connectionSubscription("conn1", "abc"))
        .isEqualTo(Map.of("PK", AttributeValue.fromS("CONN#conn1"), "SK", AttributeValue.fromS("SUB#abc")));
    assertThat(Keys.subscribersPartition("abc")).isEqualTo("SUBS#abc");
    assertThat(Keys.connectionPartition("conn1")).isEqualTo("CONN#conn1");
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private static Map<String, Integer> countPerPartition(int clicks, Supplier<String> eventIds) {
    Map<String, Integer> perPartition = new TreeMap<>();
    for (int i = 0; i < clicks; i++) {
      perPartition.merge(Keys.click(LinkLife.legacy("viral1"), T, eventIds.get()).get(Keys.PK).s(), 1, Integer::sum);
    }
    return perPartition;
  }

  private static IntSummaryStatistics summarise(String label, Map<String, Integer> perPartition) {
    IntSummaryStatistics stats = perPartition.values().stream().mapToInt(Integer::intValue).summaryStatistics();
    System.out.printf("hot link (%s): %d clicks over %d partitions, min %d, mean %.1f, max %d WCU/s per partition%n",
        label, stats.getSum(), stats.getCount(), stats.getMin(), stats.getAverage(), stats.getMax());
    return stats;
  }

  /** A version-4 UUID from a seeded source, so the distribution test is reproducible. */
  private static UUID randomUuid(Random random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(msb, lsb);
  }

  private static <T> T withDefaultLocale(Locale locale, Supplier<T> body) {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(locale);
      return body.get();
    } finally {
      Locale.setDefault(saved);
    }
  }
}
