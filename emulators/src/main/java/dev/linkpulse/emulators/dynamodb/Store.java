package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Where the engine's state goes to survive a restart. The engine changes its in-memory model first, tells the
 * store each change, and calls {@link #commit} before it acknowledges the request: a commit makes all of one
 * request's changes (items, stream records, counters) durable together, or none of them.
 */
interface Store extends AutoCloseable {
  /** What a store holds for one table when the engine starts. */
  record StoredTable(TableSpec spec, List<ObjectNode> items, List<ObjectNode> shards, List<ObjectNode> records, long lastSequence) {}

  void putTable(TableSpec spec);

  void dropTable(String table);

  void putItem(String table, String key, ObjectNode item);

  void removeItem(String table, String key);

  void putShard(String table, Shard shard);

  /** A stream record with its shard id and sequence; also advances the table's sequence counter. */
  void putRecord(String table, String shardId, Shard.Entry entry);

  void removeRecord(String table, long sequence);

  void commit();

  /** The last stream sequence counter ever used by a table of this name (0 for none): sequences never go back. */
  long lastSequence(String table);

  Map<String, StoredTable> load();

  @Override
  void close();

  /** In memory only: nothing survives the process. */
  Store NONE = new Store() {
    @Override public void putTable(TableSpec spec) {}
    @Override public void dropTable(String table) {}
    @Override public void putItem(String table, String key, ObjectNode item) {}
    @Override public void removeItem(String table, String key) {}
    @Override public void putShard(String table, Shard shard) {}
    @Override public void putRecord(String table, String shardId, Shard.Entry entry) {}
    @Override public void removeRecord(String table, long sequence) {}
    @Override public void commit() {}
    @Override public long lastSequence(String table) {
      return 0;
    }
    @Override public Map<String, StoredTable> load() {
      return Map.of();
    }
    @Override public void close() {}
  };
}
