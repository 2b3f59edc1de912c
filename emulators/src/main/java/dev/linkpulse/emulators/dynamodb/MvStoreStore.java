package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.storage.MvStoreHousekeeper;
import dev.linkpulse.emulators.time.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The engine's state in an H2 MVStore file ({@code dynamodb.mv} in the data directory). Each request's changes go
 * into the store's maps and become durable together with one {@link MVStore#commit()} before the engine answers:
 * after a kill -9 the file holds every acknowledged write and each stream record once. Maps: {@code tables}
 * (definitions), {@code items/<table>}, {@code shards/<table>}, {@code records/<table>} (by sequence) and
 * {@code sequences} (the last sequence per table name, kept when a table is dropped).
 *
 * <p>With auto-commit off H2 does no housekeeping, so the file would grow with every commit: the store compacts
 * itself at open, and {@link #startHousekeeping} reclaims dead space while the engine runs
 * ({@link MvStoreHousekeeper}).
 */
final class MvStoreStore implements Store {
  /**
   * How long a chunk no longer in use keeps its space: none (H2's default is 45 s, during which a busy engine writes
   * tens of MB of chunks that are already dead). H2 keeps it so that a disk that reorders writes cannot lose a chunk
   * the newest one still needs, a power-loss guarantee this store does not give (it does not fsync). A kill -9 keeps
   * every write the OS was given, in order, and H2 still keeps every chunk the last few versions use (versionsToKeep),
   * so a torn last chunk falls back to an intact one; the engine never reads old versions (it loads the file once).
   */
  static final int RETENTION_MILLIS = 0;
  static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(10);
  /**
   * Commits between two housekeeping passes at most: each commit writes a chunk of tens of KiB (every page on the
   * path to each change), so this bounds the file's growth between passes to a few MiB, whatever the request rate.
   */
  static final int COMMITS_PER_PASS = 200;

  private final MVStore store;
  private final MVMap<String, String> tables;
  private final MVMap<String, Long> sequences;
  private volatile MvStoreHousekeeper housekeeper;
  private int commitsSincePass;

  MvStoreStore(Path directory) {
    Path file = directory.resolve("dynamodb.mv");
    // The file shrinks to its live size at every open (what is dead was dead before the last run ended).
    MvStoreHousekeeper.compactClosedFile(file);
    this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    store.setRetentionTime(RETENTION_MILLIS);
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
      MvStoreHousekeeper keeper = housekeeper;
      if (keeper != null && ++commitsSincePass >= COMMITS_PER_PASS) {
        commitsSincePass = 0;
        keeper.nudge();
      }
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

  /**
   * Reclaims dead space every {@link #HOUSEKEEPING_INTERVAL} of {@code timeline}, and after every
   * {@link #COMMITS_PER_PASS} commits, until the returned housekeeper is
   * closed (before this store). {@code underEngineLock} runs a step as a request runs, under the engine's lock and
   * followed by its commit, so that a housekeeping commit never makes half a request durable.
   */
  MvStoreHousekeeper startHousekeeping(Timeline timeline, Consumer<Runnable> underEngineLock) {
    MvStoreHousekeeper keeper = MvStoreHousekeeper.start(store, timeline, HOUSEKEEPING_INTERVAL, underEngineLock, "dynamodb");
    housekeeper = keeper;
    return keeper;
  }

  /** The data file's length in bytes. */
  long fileSize() {
    return store.getFileStore().size();
  }

  @Override
  public void close() {
    store.close();
  }
}
