package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.LinkLife;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A counter's watermarks as its item stores them ({@code wm}): one entry per raw-click partition the counter has
 * folded from. A partition of the counter's own link life ({@code CLICK#code#shard}, all but never) is stored under
 * its shard number, its sequence in binary: 2 + 9 bytes for a 21-digit sequence, where the full key and the digits
 * took about 15 + 21. A counter touched from all {@value Keys#CLICK_SHARDS} shards carried some 1.2 KB of watermarks,
 * which alone pushed every busy link's counter past a 1 KB write unit (bench hotkey --breakdown); now under 0.4 KB.
 * Anything else, and every entry written before, is stored and read as it always was: full key, decimal string.
 */
final class StoredWatermarks {
  private StoredWatermarks() {}

  static AttributeValue toAttribute(LinkLife life, Map<String, BigInteger> marks) {
    Map<String, AttributeValue> stored = new LinkedHashMap<>();
    marks.forEach((partition, sequence) -> {
      int shard = ownShard(life, partition);
      if (shard >= 0) stored.put(Integer.toString(shard), AttributeValue.fromB(SdkBytes.fromByteArray(sequence.toByteArray())));
      else stored.put(partition, AttributeValue.fromS(sequence.toString()));
    });
    return AttributeValue.fromM(stored);
  }

  static Map<String, BigInteger> fromAttribute(LinkLife life, AttributeValue wm) {
    Map<String, BigInteger> marks = new TreeMap<>();
    if (wm == null) return marks;
    wm.m().forEach((name, value) -> {
      if (value.b() != null) marks.put(Keys.clickPartition(life, Integer.parseInt(name)), new BigInteger(value.b().asByteArray()));
      else marks.put(name, new BigInteger(value.s()));
    });
    return marks;
  }

  /** The shard number of {@code partition} when it is one of {@code life}'s own click partitions; -1 otherwise. */
  private static int ownShard(LinkLife life, String partition) {
    int hash = partition.lastIndexOf('#');
    if (hash < 0) return -1;
    String suffix = partition.substring(hash + 1);
    if (suffix.isEmpty() || suffix.length() > 3 || !suffix.chars().allMatch(Character::isDigit)) return -1;
    int shard = Integer.parseInt(suffix);
    return shard < Keys.CLICK_SHARDS && Keys.clickPartition(life, shard).equals(partition) ? shard : -1;
  }
}
