package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
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
  /** Records in sequence order; those before {@code head} have been trimmed (compacted now and then). */
  private final List<Entry> entries = new ArrayList<>();
  private int head;

  Shard(String id, String parentId, long firstSequence, Instant opened) {
    this.id = id;
    this.parentId = parentId;
    this.firstSequence = firstSequence;
    this.opened = opened;
  }

  void append(Entry e) {
    entries.add(e);
    lastSequence = e.sequence();
  }

  boolean isEmpty() {
    return head == entries.size();
  }

  /** Drops records created before {@code horizon}; returns their sequence counters. */
  List<Long> trimBefore(Instant horizon) {
    List<Long> dropped = new ArrayList<>();
    while (head < entries.size() && entries.get(head).at().isBefore(horizon)) {
      Entry e = entries.get(head++);
      trimmedThrough = e.sequence();
      dropped.add(e.sequence());
    }
    if (head > 1024 && head > entries.size() / 2) {
      entries.subList(0, head).clear();
      head = 0;
    }
    return dropped;
  }

  /** Up to {@code limit} records after sequence {@code after}. */
  List<Entry> after(long after, int limit) {
    // Sequences grow along the list, so the first record past {@code after} is found by binary search.
    int lo = head;
    int hi = entries.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).sequence() <= after) lo = mid + 1;
      else hi = mid;
    }
    return new ArrayList<>(entries.subList(lo, Math.min(entries.size(), lo + limit)));
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
    entries.add(e);
  }
}
