package dev.linkpulse.emulators.eventbridge;

import dev.linkpulse.emulators.eventbridge.OutboxJournal.Entry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox journal's events accepted and not yet delivered, in memory, with the size of their lines in the file:
 * what an online compaction writes, without reading the file. Not thread-safe: the journal guards it.
 */
final class PendingEvents {
  /** An event and the bytes of its {@code A} line. */
  private record Held(Entry entry, int lineBytes) {}

  private final Map<Long, Held> bySeq = new LinkedHashMap<>();
  /** The numbers of the pending events with a given queue and body, oldest first (a body may be sent twice). */
  private final Map<String, ArrayDeque<Long>> seqsByKey = new HashMap<>();
  private long bytes;

  /** Adds an accepted event whose {@code A} line takes {@code lineBytes}. */
  void add(Entry e, int lineBytes) {
    bySeq.put(e.seq(), new Held(e, lineBytes));
    seqsByKey.computeIfAbsent(key(e.queueUrl(), e.body()), k -> new ArrayDeque<>()).add(e.seq());
    bytes += lineBytes;
  }

  /** Takes the oldest pending event with this queue and body; its number, or null when none is pending. */
  Long remove(String queueUrl, String body) {
    String key = key(queueUrl, body);
    ArrayDeque<Long> seqs = seqsByKey.get(key);
    if (seqs == null) return null;
    Long seq = seqs.poll();
    if (seqs.isEmpty()) seqsByKey.remove(key);
    bytes -= bySeq.remove(seq).lineBytes();
    return seq;
  }

  /** The pending events in the order they were accepted. */
  List<Entry> snapshot() {
    List<Entry> entries = new ArrayList<>(bySeq.size());
    for (Held held : bySeq.values()) entries.add(held.entry());
    return entries;
  }

  int size() {
    return bySeq.size();
  }

  /** The bytes their {@code A} lines take: the size of the file a compaction would write now. */
  long bytes() {
    return bytes;
  }

  private static String key(String queueUrl, String body) {
    return queueUrl + "\n" + body;
  }
}
