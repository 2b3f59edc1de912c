package dev.linkpulse.emulators.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DynamoDB's semantics at their simplest, for the property test: a map of (PK, SK) to a number {@code n}; conditions and updates as the Developer Guide describes them; queries in sort-key byte order.
 * Sort keys here are ASCII, where Java's String order is the byte order DynamoDB uses.
 */
final class TableModel {
  record Item(BigDecimal n) {}

  private final Map<String, TreeMap<String, Item>> partitions = new TreeMap<>();

  Item get(String pk, String sk) {
    TreeMap<String, Item> p = partitions.get(pk);
    return p == null ? null : p.get(sk);
  }

  void put(String pk, String sk, Item item) {
    partitions.computeIfAbsent(pk, k -> new TreeMap<>()).put(sk, item);
  }

  void delete(String pk, String sk) {
    TreeMap<String, Item> p = partitions.get(pk);
    if (p != null) p.remove(sk);
  }

  /** ADD n :delta: a missing item starts from its key alone, a missing n from the delta. */
  void add(String pk, String sk, BigDecimal delta) {
    Item before = get(pk, sk);
    BigDecimal n = before == null || before.n() == null ? delta : before.n().add(delta);
    put(pk, sk, new Item(n));
  }

  /** The sort keys and items of a partition above {@code after} (exclusive, null for all), in order. */
  List<Map.Entry<String, Item>> query(String pk, String after, boolean forward) {
    TreeMap<String, Item> p = partitions.getOrDefault(pk, new TreeMap<>());
    var view = forward ? p : p.descendingMap();
    List<Map.Entry<String, Item>> out = new ArrayList<>();
    for (var e : view.entrySet()) {
      if (after == null || (forward ? e.getKey().compareTo(after) > 0 : e.getKey().compareTo(after) < 0)) out.add(e);
    }
    return out;
  }
}
