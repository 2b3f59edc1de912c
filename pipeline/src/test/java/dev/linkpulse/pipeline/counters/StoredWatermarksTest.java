package dev.linkpulse.pipeline.counters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.LinkLife;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StoredWatermarksTest {
  private static final LinkLife LEGACY = LinkLife.legacy("abc123");
  private static final LinkLife LIFE = new LinkLife("abc123", "k7Q2x9Za");
  private static final BigInteger SHORTEST = new BigInteger("100000000000000000001");
  /** Stream sequence numbers are 21 to 40 digits (DynamoDB Streams API reference). */
  private static final BigInteger LONGEST = new BigInteger("9999999999999999999999999999999999999999");

  @Test
  void theLinksOwnClickPartitionsAreStoredByShardNumberInBinary_andReadBackAsTheSamePartitions() {
    for (LinkLife life : new LinkLife[] {LEGACY, LIFE}) {
      Map<String, BigInteger> marks = new TreeMap<>();
      for (int shard = 0; shard < Keys.CLICK_SHARDS; shard++) marks.put(Keys.clickPartition(life, shard), shard % 2 == 0 ? SHORTEST : LONGEST);
      AttributeValue stored = StoredWatermarks.toAttribute(life, marks);
      assertThat(stored.m().keySet()).allMatch(name -> name.matches("[0-9]{1,2}"));
      assertThat(stored.m().values()).allMatch(v -> v.b() != null && v.s() == null);
      assertThat(StoredWatermarks.fromAttribute(life, stored)).isEqualTo(marks);
    }
  }

  @Test
  void aWatermarkOfAnyOtherPartitionIsStoredAsItAlwaysWas_fullKeyAndDecimalDigits() {
    Map<String, BigInteger> marks = new TreeMap<>(Map.of(
        Keys.clickPartition(LinkLife.legacy("other"), 3), SHORTEST,      // another link's partition
        Keys.clickPartition(LEGACY, 3), SHORTEST,                         // the legacy life's, seen from the incarnated one
        "CLICK#abc123#k7Q2x9Za#" + Keys.CLICK_SHARDS, LONGEST));          // past the shard range
    AttributeValue stored = StoredWatermarks.toAttribute(LIFE, marks);
    assertThat(stored.m()).containsOnlyKeys(marks.keySet());
    assertThat(stored.m().values()).allMatch(v -> v.s() != null);
    assertThat(StoredWatermarks.fromAttribute(LIFE, stored)).isEqualTo(marks);
  }

  @Test
  void anItemWrittenBeforeTheCompactFormStillReads_andAMixOfBothForms() {
    AttributeValue old = AttributeValue.fromM(Map.of(Keys.clickPartition(LEGACY, 5), AttributeValue.fromS(SHORTEST.toString())));
    assertThat(StoredWatermarks.fromAttribute(LEGACY, old)).containsExactly(Map.entry(Keys.clickPartition(LEGACY, 5), SHORTEST));

    Map<String, BigInteger> marks = new TreeMap<>(StoredWatermarks.fromAttribute(LEGACY, old));
    marks.put(Keys.clickPartition(LEGACY, 6), LONGEST);
    AttributeValue rewritten = StoredWatermarks.toAttribute(LEGACY, marks);
    assertThat(rewritten.m()).containsOnlyKeys("5", "6");
    assertThat(StoredWatermarks.fromAttribute(LEGACY, rewritten)).isEqualTo(marks);
    assertThat(StoredWatermarks.fromAttribute(LEGACY, null)).isEmpty();
  }

  @Test
  void aCounterTouchedFromEveryShardStoresItsWatermarksInUnderAThirdOfTheOldSize() {
    Map<String, BigInteger> marks = new TreeMap<>();
    for (int shard = 0; shard < Keys.CLICK_SHARDS; shard++) marks.put(Keys.clickPartition(LEGACY, shard), SHORTEST.add(BigInteger.valueOf(shard)));
    long compact = size(StoredWatermarks.toAttribute(LEGACY, marks));
    long old = marks.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().toString().length()).sum();
    assertThat(compact).isLessThan(old / 3 + 1);
  }

  /** Names plus values, in bytes, as DynamoDB counts a map's content. */
  private static long size(AttributeValue map) {
    return map.m().entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().b().asByteArray().length).sum();
  }
}
