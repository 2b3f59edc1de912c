package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table's items, its global secondary indexes kept in step with them, and its stream. Guarded by the engine's lock. */
final class Table {
  final TableSpec spec;
  final ItemIndex items;
  final Map<String, ItemIndex> indexes = new LinkedHashMap<>();
  StreamLog stream;

  Table(TableSpec spec) {
    this.spec = spec;
    this.items = new ItemIndex(spec.key);
    spec.indexes.forEach(i -> indexes.put(i.name(), new ItemIndex(i.schema())));
  }

  String name() {
    return spec.name;
  }

  ObjectNode get(ObjectNode key) {
    return items.get(key, ItemIndex.tableKeyText(spec.key, key));
  }

  /** Replaces (or with null removes) the item at {@code key}; returns the item that was there. */
  ObjectNode write(ObjectNode key, ObjectNode item) {
    String tableKey = ItemIndex.tableKeyText(spec.key, key);
    ObjectNode before = items.get(key, tableKey);
    if (before != null) {
      items.remove(before, tableKey);
      for (IndexSpec i : spec.indexes) if (i.schema().covers(before)) indexes.get(i.name()).remove(before, tableKey);
    }
    if (item != null) {
      items.put(item, tableKey);
      for (IndexSpec i : spec.indexes) {
        if (i.schema().covers(item)) indexes.get(i.name()).put(i.project(item, spec.key), tableKey);
      }
    }
    return before;
  }

  ItemIndex index(String name) {
    return name == null ? items : indexes.get(name);
  }

  long sizeBytes() {
    long size = 0;
    for (var it = items.all(null); it.hasNext(); ) size += CapacityRules.itemSize(it.next());
    return size;
  }
}
