package dev.linkpulse.emulators.eventbridge;

import dev.linkpulse.emulators.eventbridge.OutboxJournal.Entry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox journal's lines, one record each: {@code A <seq> <queue url> <body, base64>} for an accepted event,
 * {@code D <seq>} for a delivered one. The body is base64 because an event may hold a newline.
 */
final class OutboxRecords {
  /** What a journal file holds: the events accepted and never delivered, in order, and the next free number. */
  record Replay(List<Entry> pending, long next) {}

  private OutboxRecords() {}

  static String accepted(Entry e) {
    return "A " + e.seq() + " " + e.queueUrl() + " " + Base64.getEncoder().encodeToString(e.body().getBytes(StandardCharsets.UTF_8)) + "\n";
  }

  static String delivered(long seq) {
    return "D " + seq + "\n";
  }

  /** Reads {@code file} (absent: nothing pending), streaming, so a long journal costs its pending set in memory. */
  static Replay replay(Path file) throws IOException {
    Map<Long, Entry> pending = new LinkedHashMap<>();
    long next = 0;
    if (!Files.exists(file)) return new Replay(List.of(), 0);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] parts = line.split(" ");
        try {
          long seq = Long.parseLong(parts[1]);
          if (parts[0].equals("A") && parts.length == 4) {
            pending.put(seq, new Entry(seq, parts[2], new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8)));
          } else if (parts[0].equals("D")) {
            pending.remove(seq);
          }
          next = Math.max(next, seq + 1);
        } catch (RuntimeException tornLine) {
          // the last line of a killed process may be half written: it was never acknowledged
        }
      }
    }
    return new Replay(new ArrayList<>(pending.values()), next);
  }
}
