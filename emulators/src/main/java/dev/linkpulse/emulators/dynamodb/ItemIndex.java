package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Items by partition, each partition sorted by sort key: the base table, or one global secondary index (whose
 * entries are ordered by the index's sort key, then by the table's key, since index keys need not be unique).
 */
final class ItemIndex {
  /** An entry's position within its partition. */
  record Position(JsonNode sortValue, String tableKey) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
      if (sortValue != null && o.sortValue != null) {
        int c = Values.compare(sortValue, o.sortValue);
        if (c != 0) return c;
      }
      return tableKey.compareTo(o.tableKey);
    }
  }

  /** Partition key text, then position: where a query or scan left off. */
  record Cursor(String partition, Position position) {}

  final KeySchema schema;
  private final TreeMap<String, TreeMap<Position, ObjectNode>> partitions = new TreeMap<>();
  private int count;

  ItemIndex(KeySchema schema) {
    this.schema = schema;
  }

  static String tableKeyText(KeySchema tableKey, ObjectNode item) {
    String hash = Values.keyText(item.get(tableKey.hash()));
    return tableKey.range() == null ? hash : hash + "\u0000" + Values.keyText(item.get(tableKey.range()));
  }

  Position position(ObjectNode item, String tableKey) {
    return new Position(schema.range() == null ? null : item.get(schema.range()), tableKey);
  }

  String partitionOf(ObjectNode item) {
    return Values.keyText(item.get(schema.hash()));
  }

  void put(ObjectNode entry, String tableKey) {
    if (partitions.computeIfAbsent(partitionOf(entry), k -> new TreeMap<>()).put(position(entry, tableKey), entry) == null) count++;
  }

  void remove(ObjectNode entry, String tableKey) {
    String partition = partitionOf(entry);
    TreeMap<Position, ObjectNode> items = partitions.get(partition);
    if (items != null && items.remove(position(entry, tableKey)) != null) {
      count--;
      if (items.isEmpty()) partitions.remove(partition);
    }
  }

  ObjectNode get(ObjectNode key, String tableKey) {
    TreeMap<Position, ObjectNode> items = partitions.get(partitionOf(key));
    return items == null ? null : items.get(position(key, tableKey));
  }

  int count() {
    return count;
  }

  /** One partition's entries in sort order (descending if {@code !forward}), after {@code after} if given. */
  Iterator<ObjectNode> partition(JsonNode hashValue, boolean forward, Position after) {
    TreeMap<Position, ObjectNode> items = partitions.get(Values.keyText(hashValue));
    if (items == null) return Collections.emptyIterator();
    NavigableMap<Position, ObjectNode> view = forward ? items : items.descendingMap();
    if (after != null) view = view.tailMap(after, false);
    return view.values().iterator();
  }

  /** Every entry, partition by partition, after {@code after} if given; read lazily, so a page costs what it reads. */
  Iterator<ObjectNode> all(Cursor after) {
    NavigableMap<String, TreeMap<Position, ObjectNode>> view = after == null ? partitions : partitions.tailMap(after.partition(), true);
    Iterator<Map.Entry<String, TreeMap<Position, ObjectNode>>> parts = view.entrySet().iterator();
    return new Iterator<>() {
      private Iterator<ObjectNode> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && parts.hasNext()) {
          Map.Entry<String, TreeMap<Position, ObjectNode>> p = parts.next();
          NavigableMap<Position, ObjectNode> items = p.getValue();
          if (after != null && p.getKey().equals(after.partition())) items = items.tailMap(after.position(), false);
          current = items.values().iterator();
        }
        return current.hasNext();
      }

      @Override
      public ObjectNode next() {
        if (!hasNext()) throw new java.util.NoSuchElementException();
        return current.next();
      }
    };
  }
}
