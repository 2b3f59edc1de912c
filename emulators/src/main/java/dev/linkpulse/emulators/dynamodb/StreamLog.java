package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A table's stream (Developer Guide, "Change data capture for DynamoDB Streams"): records in shards, sequence
 * numbers that only grow for the table's whole life, 24-hour retention, and shards that roll over after a set age
 * so that consumers meet parent and child shards. Guarded by the engine's lock.
 */
final class StreamLog {
  static final Duration RETENTION = Duration.ofHours(24);

  final String tableName;
  final String arn;
  final String label;
  final String viewType;
  final KeySchema key;
  private final Duration rollover;
  private final Store store;
  private final List<Shard> shards = new ArrayList<>();
  private long lastSequence;

  StreamLog(TableSpec spec, Duration rollover, Store store, long lastSequence) {
    this.tableName = spec.name;
    this.arn = spec.streamArn();
    this.label = spec.streamLabel;
    this.viewType = spec.streamViewType;
    this.key = spec.key;
    this.rollover = rollover;
    this.store = store;
    this.lastSequence = lastSequence;
  }

  void restore(Shard shard) {
    shards.add(shard);
  }

  List<Shard> shards(Instant now) {
    trim(now);
    return List.copyOf(shards);
  }

  Shard shard(String id) {
    for (Shard s : shards) if (s.id.equals(id)) return s;
    return null;
  }

  long lastSequence() {
    return lastSequence;
  }

  /** Appends the record of one change; {@code byService} marks a TTL deletion. Returns the entry written. */
  Shard.Entry append(String eventName, ObjectNode before, ObjectNode after, boolean byService, Instant now) {
    trim(now);
    Shard shard = openShard(now);
    long sequence = ++lastSequence;
    Shard.Entry entry = new Shard.Entry(sequence, now, record(eventName, before, after, byService, now, sequence));
    shard.append(entry);
    store.putRecord(tableName, shard.id, entry);
    store.putShard(tableName, shard);
    return entry;
  }

  private Shard openShard(Instant now) {
    Shard current = shards.isEmpty() ? null : shards.get(shards.size() - 1);
    if (current != null && !current.closed && (current.isEmpty() || Duration.between(current.opened, now).compareTo(rollover) < 0)) {
      return current;
    }
    if (current != null && !current.closed) {
      current.closed = true;
      store.putShard(tableName, current);
    }
    Shard next = new Shard(StreamLabels.shardId(now), current == null ? null : current.id, lastSequence + 1, now);
    shards.add(next);
    return next;
  }

  private ObjectNode record(String eventName, ObjectNode before, ObjectNode after, boolean byService, Instant now, long sequence) {
    ObjectNode r = Values.JSON.createObjectNode().put("eventID", UUID.randomUUID().toString().replace("-", ""))
        .put("eventName", eventName).put("eventVersion", "1.1").put("eventSource", "aws:dynamodb").put("awsRegion", AwsAccount.REGION);
    ObjectNode d = r.putObject("dynamodb");
    d.put("ApproximateCreationDateTime", now.getEpochSecond());
    ObjectNode keys = key.keyOf(after != null ? after : before);
    d.set("Keys", keys);
    long size = CapacityRules.itemSize(keys);
    if (after != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
      d.set("NewImage", after);
      size += CapacityRules.itemSize(after);
    }
    if (before != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
      d.set("OldImage", before);
      size += CapacityRules.itemSize(before);
    }
    d.put("SequenceNumber", StreamLabels.sequence(sequence)).put("SizeBytes", size).put("StreamViewType", viewType);
    if (byService) r.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
    return r;
  }

  /** Applies the 24-hour retention: old records go, and closed shards left empty past it go with them. */
  void trim(Instant now) {
    Instant horizon = now.minus(RETENTION);
    for (var it = shards.iterator(); it.hasNext(); ) {
      Shard s = it.next();
      List<Long> dropped = s.trimBefore(horizon);
      dropped.forEach(seq -> store.removeRecord(tableName, seq));
      if (!dropped.isEmpty()) store.putShard(tableName, s);
      if (s.closed && s.isEmpty() && s.opened.isBefore(horizon) && it.hasNext()) it.remove();
    }
  }

  ObjectNode describe(Instant created) {
    ObjectNode out = Values.JSON.createObjectNode().put("StreamArn", arn).put("StreamLabel", label).put("StreamStatus", "ENABLED")
        .put("StreamViewType", viewType).put("CreationRequestDateTime", created.getEpochSecond()).put("TableName", tableName);
    out.set("KeySchema", key.toJson());
    return out;
  }
}
