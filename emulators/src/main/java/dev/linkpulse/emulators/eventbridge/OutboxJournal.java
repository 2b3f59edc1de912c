package dev.linkpulse.emulators.eventbridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EventBridge endpoint's outbox on disk, for a stack with a data directory: an accepted event is written and
 * forced to disk before {@code PutEvents} answers, because on AWS an accepted event is delivered even if every
 * machine that saw it then dies. A delivered event is marked done (unforced: a lost mark only means one more
 * delivery, which every consumer of the click queue absorbs, a click being keyed by its event id). Opening the
 * journal gives back what was accepted and not delivered, and compacts the file to just that.
 *
 * <p>One line per record: {@code A <seq> <queue url> <body, base64>} or {@code D <seq>}.
 */
final class OutboxJournal implements AutoCloseable {
  /** An accepted event not yet delivered. */
  record Entry(long seq, String queueUrl, String body) {}

  private final FileChannel channel;
  private final Map<String, Long> seqOfBody = new ConcurrentHashMap<>();
  private final List<Entry> recovered;
  private long next;
  /** Writes made, and the number of them the last force covered (read and set under {@link #forcing}). */
  private long writes;
  private long forced;
  private final Object forcing = new Object();

  private OutboxJournal(FileChannel channel, List<Entry> recovered, long next) {
    this.channel = channel;
    this.recovered = recovered;
    this.next = next;
    for (Entry e : recovered) seqOfBody.put(key(e.queueUrl(), e.body()), e.seq());
  }

  static OutboxJournal open(Path file) throws IOException {
    Map<Long, Entry> pending = new LinkedHashMap<>();
    long next = 0;
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.split(" ");
        try {
          long seq = Long.parseLong(parts[1]);
          next = Math.max(next, seq + 1);
          if (parts[0].equals("A") && parts.length == 4) {
            pending.put(seq, new Entry(seq, parts[2], new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8)));
          } else if (parts[0].equals("D")) {
            pending.remove(seq);
          }
        } catch (RuntimeException tornLine) {
          // the last line of a killed process may be half written: it was never acknowledged
        }
      }
    }
    List<Entry> recovered = new ArrayList<>(pending.values());
    Path compacted = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(compacted, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      for (Entry e : recovered) write(out, accepted(e));
      out.force(true);
    }
    Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new OutboxJournal(channel, recovered, next);
  }

  /** What was accepted before the last stop and never delivered, in the order it was accepted. */
  List<Entry> recovered() {
    return recovered;
  }

  /**
   * Writes the events and forces them to disk; only then may {@code PutEvents} answer. Forcing is a group commit:
   * one force covers every write made before it, so concurrent callers share it instead of queueing one fsync each
   * (one a request put a loaded machine's PutEvents past the redirect's 3 s publish budget).
   */
  void accept(Map<String, List<String>> bodiesByQueue) throws IOException {
    long mine;
    synchronized (this) {
      StringBuilder lines = new StringBuilder();
      bodiesByQueue.forEach((queueUrl, bodies) -> {
        for (String body : bodies) {
          long seq = next++;
          seqOfBody.put(key(queueUrl, body), seq);
          lines.append(accepted(new Entry(seq, queueUrl, body)));
        }
      });
      write(channel, lines.toString());
      mine = ++writes;
    }
    synchronized (forcing) {
      if (forced >= mine) return;
      long covered;
      synchronized (this) {
        covered = writes;
      }
      channel.force(false);
      forced = covered;
    }
  }

  /** Marks delivered events done. */
  synchronized void delivered(String queueUrl, List<String> bodies) {
    StringBuilder lines = new StringBuilder();
    for (String body : bodies) {
      Long seq = seqOfBody.remove(key(queueUrl, body));
      if (seq != null) lines.append("D ").append(seq).append('\n');
    }
    try {
      if (lines.length() > 0) write(channel, lines.toString());
    } catch (IOException e) {
      // the mark is an optimisation: without it the event is delivered once more after a restart
    }
  }

  private static String key(String queueUrl, String body) {
    return queueUrl + "\n" + body;
  }

  private static String accepted(Entry e) {
    return "A " + e.seq() + " " + e.queueUrl() + " " + Base64.getEncoder().encodeToString(e.body().getBytes(StandardCharsets.UTF_8)) + "\n";
  }

  private static void write(FileChannel channel, String text) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) channel.write(buffer);
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
