package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One shard of a stream: a range of sequence numbers, open until it rolls over, with its records in order. */
final class Shard {
  /** A stream record as GetRecords returns it, with its sequence counter and creation time. */
  record Entry(long sequence, Instant at, ObjectNode record) {}

  final String id;
  final String parentId;
  final long firstSequence;
  final Instant opened;
  long lastSequence = -1;
  boolean closed;
  /** Highest sequence removed by the 24-hour retention, or -1. */
  long trimmedThrough = -1;
  private final Deque<Entry> entries = new ArrayDeque<>();

  Shard(String id, String parentId, long firstSequence, Instant opened) {
    this.id = id;
    this.parentId = parentId;
    this.firstSequence = firstSequence;
    this.opened = opened;
  }

  void append(Entry e) {
    entries.addLast(e);
    lastSequence = e.sequence();
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Drops records created before {@code horizon}; returns their sequence counters. */
  List<Long> trimBefore(Instant horizon) {
    List<Long> dropped = new ArrayList<>();
    while (!entries.isEmpty() && entries.peekFirst().at().isBefore(horizon)) {
      Entry e = entries.pollFirst();
      trimmedThrough = e.sequence();
      dropped.add(e.sequence());
    }
    return dropped;
  }

  /** Up to {@code limit} records after sequence {@code after}. */
  List<Entry> after(long after, int limit) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (out.size() == limit) break;
      if (e.sequence() > after) out.add(e);
    }
    return out;
  }

  boolean contains(long sequence) {
    return sequence >= firstSequence && (lastSequence < 0 ? sequence == firstSequence : sequence <= lastSequence);
  }

  ObjectNode describe() {
    ObjectNode out = Values.JSON.createObjectNode().put("ShardId", id);
    if (parentId != null) out.put("ParentShardId", parentId);
    ObjectNode range = out.putObject("SequenceNumberRange").put("StartingSequenceNumber", StreamLabels.sequence(firstSequence));
    if (closed) range.put("EndingSequenceNumber", StreamLabels.sequence(lastSequence));
    return out;
  }

  /** The shard's state without its records, for persistence. */
  ObjectNode toJson() {
    ObjectNode out = Values.JSON.createObjectNode().put("id", id).put("first", firstSequence).put("opened", opened.toEpochMilli())
        .put("last", lastSequence).put("closed", closed).put("trimmed", trimmedThrough);
    if (parentId != null) out.put("parent", parentId);
    return out;
  }

  static Shard fromJson(JsonNode json) {
    Shard s = new Shard(json.get("id").asText(), json.path("parent").asText(null), json.get("first").asLong(),
        Instant.ofEpochMilli(json.get("opened").asLong()));
    s.lastSequence = json.get("last").asLong();
    s.closed = json.get("closed").asBoolean();
    s.trimmedThrough = json.get("trimmed").asLong();
    return s;
  }

  /** Restores a persisted record (in sequence order) without moving lastSequence past what was stored. */
  void restore(Entry e) {
    entries.addLast(e);
  }
}
