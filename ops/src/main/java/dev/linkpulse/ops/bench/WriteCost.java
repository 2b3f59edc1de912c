package dev.linkpulse.ops.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's published sizing rules, applied to the requests a workload actually makes (DynamoDB Local's own
 * ConsumedCapacity is off by 2x for transactions, see shared/dependencies.md):
 * an item's size is the sum of its attribute names' and values' sizes; a write costs 1 WCU per started KB of the
 * larger of the item before and after; inside a transaction every write costs double.
 */
final class WriteCost {
  private WriteCost() {}

  static int wcu(long itemBytes) {
    return (int) Math.max(1, (itemBytes + 1023) / 1024);
  }

  static long itemSize(Map<String, AttributeValue> item) {
    long size = 0;
    for (var e : item.entrySet()) size += utf8(e.getKey()) + valueSize(e.getValue());
    return size;
  }

  static long valueSize(AttributeValue v) {
    if (v.s() != null) return utf8(v.s());
    if (v.n() != null) return numberSize(v.n());
    if (v.b() != null) return v.b().asByteArray().length;
    if (v.bool() != null || v.nul() != null) return 1;
    if (v.hasM()) {
      long size = 3;
      for (var e : v.m().entrySet()) size += utf8(e.getKey()) + valueSize(e.getValue()) + 1;
      return size;
    }
    if (v.hasL()) {
      long size = 3;
      for (AttributeValue item : v.l()) size += valueSize(item) + 1;
      return size;
    }
    if (v.hasSs()) return v.ss().stream().mapToLong(WriteCost::utf8).sum();
    if (v.hasNs()) return v.ns().stream().mapToLong(WriteCost::numberSize).sum();
    if (v.hasBs()) return v.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
    return 1;
  }

  /** Numbers take about one byte per two significant digits, plus one. */
  static long numberSize(String n) {
    String digits = n.replace("-", "").replace(".", "").replaceAll("^0+", "").replaceAll("[eE].*$", "");
    return (digits.length() + 1) / 2 + 1;
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
