package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The engine's state in an H2 MVStore file ({@code dynamodb.mv} in the data directory). Each request's changes go
 * into the store's maps and become durable together with one {@link MVStore#commit()} before the engine answers:
 * after a kill -9 the file holds every acknowledged write and each stream record once. Maps: {@code tables}
 * (definitions), {@code items/<table>}, {@code shards/<table>}, {@code records/<table>} (by sequence) and
 * {@code sequences} (the last sequence per table name, kept when a table is dropped).
 */
final class MvStoreStore implements Store {
  private final MVStore store;
  private final MVMap<String, String> tables;
  private final MVMap<String, Long> sequences;

  MvStoreStore(Path directory) {
    this.store = new MVStore.Builder().fileName(directory.resolve("dynamodb.mv").toString()).autoCommitDisabled().open();
    this.tables = store.openMap("tables");
    this.sequences = store.openMap("sequences");
  }

  private MVMap<String, String> items(String table) {
    return store.openMap("items/" + table);
  }

  private MVMap<String, String> shards(String table) {
    return store.openMap("shards/" + table);
  }

  private MVMap<Long, String> records(String table) {
    return store.openMap("records/" + table);
  }

  @Override
  public void putTable(TableSpec spec) {
    tables.put(spec.name, spec.toJson().toString());
  }

  @Override
  public void dropTable(String table) {
    tables.remove(table);
    for (String prefix : List.of("items/", "shards/", "records/")) {
      if (store.hasMap(prefix + table)) store.removeMap(prefix + table);
    }
  }

  @Override
  public void putItem(String table, String key, ObjectNode item) {
    items(table).put(key, item.toString());
  }

  @Override
  public void removeItem(String table, String key) {
    items(table).remove(key);
  }

  @Override
  public void putShard(String table, Shard shard) {
    shards(table).put(shard.id, shard.toJson().toString());
  }

  @Override
  public void putRecord(String table, String shardId, Shard.Entry entry) {
    ObjectNode json = Values.JSON.createObjectNode().put("shard", shardId).put("seq", entry.sequence()).put("at", entry.at().toEpochMilli());
    json.set("record", entry.record());
    records(table).put(entry.sequence(), json.toString());
    sequences.put(table, entry.sequence());
  }

  @Override
  public void removeRecord(String table, long sequence) {
    records(table).remove(sequence);
  }

  @Override
  public void commit() {
    if (store.hasUnsavedChanges()) {
      // commit() writes the chunk with the OS before returning, which is what survives a kill -9; an fsync per
      // request (surviving power loss too) would cost milliseconds for a guarantee a local stack does not need.
      store.commit();
    }
  }

  @Override
  public long lastSequence(String table) {
    return sequences.getOrDefault(table, 0L);
  }

  @Override
  public Map<String, StoredTable> load() {
    Map<String, StoredTable> out = new LinkedHashMap<>();
    for (var e : tables.entrySet()) {
      String name = e.getKey();
      TableSpec spec = TableSpec.fromJson(parse(e.getValue()));
      List<ObjectNode> items = new ArrayList<>();
      items(name).values().forEach(v -> items.add(parse(v)));
      List<ObjectNode> shardList = new ArrayList<>();
      shards(name).values().forEach(v -> shardList.add(parse(v)));
      List<ObjectNode> recordList = new ArrayList<>();
      records(name).values().forEach(v -> recordList.add(parse(v)));
      out.put(name, new StoredTable(spec, items, shardList, recordList, lastSequence(name)));
    }
    return out;
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Values.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt entry in the DynamoDB data file: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
