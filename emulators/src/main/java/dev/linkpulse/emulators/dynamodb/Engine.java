package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The engine's state: tables, their items, indexes and streams, behind one lock. Every request runs under it
 * ({@link #locked}), which makes each request atomic and serialises writers (so stream order is write order), and
 * commits the store before the answer goes out (so an acknowledged write is durable).
 */
final class Engine implements AutoCloseable {
  /** Settings fixed at start. */
  record Settings(Duration shardRollover, Duration ttlSweepInterval) {}

  final Timeline timeline;
  final Settings settings;
  final PartitionThrottle throttle;
  private final Store store;
  private final Map<String, Table> tables = new TreeMap<>();
  /** Sequence counters of tables dropped in this run, so a recreated table's stream keeps growing. */
  private final Map<String, Long> retiredSequences = new TreeMap<>();

  Engine(Timeline timeline, Store store, Settings settings, PartitionThrottle throttle) {
    this.timeline = timeline;
    this.store = store;
    this.settings = settings;
    this.throttle = throttle;
    store.load().forEach((name, stored) -> restore(stored));
  }

  private void restore(Store.StoredTable stored) {
    Table t = new Table(stored.spec());
    for (ObjectNode item : stored.items()) t.write(stored.spec().key.keyOf(item), item);
    if (stored.spec().streamLabel != null) {
      t.stream = new StreamLog(stored.spec(), settings.shardRollover(), store, stored.lastSequence());
      Map<String, Shard> byId = new TreeMap<>();
      for (ObjectNode json : stored.shards()) {
        Shard s = Shard.fromJson(json);
        byId.put(s.id, s);
      }
      for (ObjectNode r : stored.records()) {
        Shard s = byId.get(r.get("shard").asText());
        if (s != null) s.restore(new Shard.Entry(r.get("seq").asLong(), Instant.ofEpochMilli(r.get("at").asLong()), (ObjectNode) r.get("record")));
      }
      byId.values().stream().sorted((a, b) -> Long.compare(a.firstSequence, b.firstSequence)).forEach(t.stream::restore);
    }
    tables.put(t.name(), t);
  }

  Instant now() {
    return timeline.now();
  }

  /** Runs one request's work atomically, then makes its changes durable. */
  synchronized <T> T locked(Supplier<T> work) {
    try {
      return work.get();
    } finally {
      store.commit();
    }
  }

  Table table(String name) {
    Table t = tables.get(TableSpec.requireTableName(name));
    if (t == null) throw Errors.tableNotFound(name);
    return t;
  }

  List<Table> tables() {
    return new ArrayList<>(tables.values());
  }

  Table create(TableSpec spec) {
    if (tables.containsKey(spec.name)) throw Errors.tableInUse(spec.name);
    Table t = new Table(spec);
    if (spec.streamLabel != null) t.stream = new StreamLog(spec, settings.shardRollover(), store, Math.max(retiredSequences.getOrDefault(spec.name, 0L), store.lastSequence(spec.name)));
    tables.put(spec.name, t);
    store.putTable(spec);
    return t;
  }

  Table drop(String name) {
    Table t = table(name);
    tables.remove(name);
    if (t.stream != null) retiredSequences.put(name, t.stream.lastSequence());
    store.dropTable(name);
    return t;
  }

  void saveSpec(Table t) {
    store.putTable(t.spec);
  }

  /**
   * Writes {@code item} (null deletes) at {@code key}, keeps indexes in step, persists it, and appends a stream
   * record when the item really changed (a rewrite with identical content writes none). Returns the old item.
   */
  ObjectNode write(Table t, ObjectNode key, ObjectNode item, boolean byService) {
    ObjectNode before = t.write(key, item);
    String keyText = ItemIndex.tableKeyText(t.spec.key, key);
    if (item == null) store.removeItem(t.name(), keyText);
    else store.putItem(t.name(), keyText, item);
    if (t.stream != null && !(item == null && before == null) && !Values.itemsEqual(before, item)) {
      String event = before == null ? "INSERT" : item == null ? "REMOVE" : "MODIFY";
      t.stream.append(event, before, item, byService, now());
    }
    return before;
  }

  @Override
  public synchronized void close() {
    store.close();
  }
}
