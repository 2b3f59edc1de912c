package dev.linkpulse.emulators.eventbridge;

import dev.linkpulse.emulators.eventbridge.OutboxCompaction.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The EventBridge endpoint's outbox on disk, for a stack with a data directory: an accepted event is written and
 * forced to disk before {@code PutEvents} answers, because on AWS an accepted event is delivered even if every
 * machine that saw it then dies. A delivered event is marked done (unforced: a lost mark only means one more
 * delivery, which every consumer of the click queue absorbs, a click being keyed by its event id). Opening the
 * journal gives back what was accepted and not delivered, and compacts the file to just that.
 *
 * <p>The file stays about the size of what is pending while the journal runs, too: once it passes a threshold
 * ({@link OutboxCompaction#DEFAULT_ABOVE_BYTES} unless told) and at least half of it is delivered, it is rewritten
 * from the pending set held in memory, off the {@code PutEvents} path ({@link OutboxCompaction}, crash-safe through
 * {@link OutboxFiles}). Appends go on meanwhile and are kept aside as well; at the switch they are written to the new
 * file and forced before it replaces the old one, so an event acknowledged during a compaction is in the new file
 * however the process dies. Appends wait only for that switch (one small write, two forces and a rename: a few ms). So the
 * file holds at most about {@code max(threshold, 2 x pending)} bytes, where it grew by one line per event and mark.
 * Events a target refused for good stay pending (they are sent again at the next start), and so stay in the file.
 *
 * <p>The lines are {@link OutboxRecords}'.
 */
final class OutboxJournal implements AutoCloseable {
  /** An accepted event not yet delivered. */
  record Entry(long seq, String queueUrl, String body) {}

  /** One online compaction: the file's size before and after, the events it kept, its time and the appends' wait. */
  record Compacted(long bytesBefore, long bytesAfter, int pending, long nanos, long blockingNanos) {}

  private static final Logger LOG = Logger.getLogger(OutboxJournal.class.getName());

  private final Path file;
  private final OutboxCompaction compaction;
  private final List<Entry> recovered;
  private final AtomicBoolean compacting = new AtomicBoolean();
  /** Taken before {@code this} by whoever forces the channel or replaces it, so a force never meets a closed one. */
  private final Object forcing = new Object();
  // Guarded by this: the pending set, the file and its size, what was appended since a compaction's snapshot.
  private final PendingEvents pending = new PendingEvents();
  private FileChannel channel;
  private long fileBytes;
  private StringBuilder sinceSnapshot;
  private long next;
  private boolean closed;
  private int compactions;
  private Compacted lastCompaction;
  /** After a failed compaction, the size the file must pass before the next try (0: none failed). */
  private long retryAboveBytes;
  /** Writes made (under this), and the number of them the last force covered (under {@link #forcing}). */
  private long writes;
  private long forced;

  private OutboxJournal(Path file, OutboxCompaction compaction, FileChannel channel, OutboxRecords.Replay replay) throws IOException {
    this.file = file;
    this.compaction = compaction;
    this.channel = channel;
    this.fileBytes = channel.size();
    this.recovered = replay.pending();
    this.next = replay.next();
    for (Entry e : recovered) pending.add(e, lineBytes(OutboxRecords.accepted(e)));
  }

  /** The journal in {@code file}, compacted online past {@link OutboxCompaction#DEFAULT_ABOVE_BYTES}. */
  static OutboxJournal open(Path file) throws IOException {
    return open(file, OutboxCompaction.background(OutboxCompaction.DEFAULT_ABOVE_BYTES));
  }

  static OutboxJournal open(Path file, OutboxCompaction compaction) throws IOException {
    OutboxRecords.Replay replay = OutboxRecords.replay(file);
    FileChannel channel = OutboxFiles.writeAside(file, replay.pending());
    try {
      OutboxFiles.replace(file);
      return new OutboxJournal(file, compaction, channel, replay);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
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
      List<Entry> entries = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      bodiesByQueue.forEach((queueUrl, bodies) -> {
        for (String body : bodies) {
          Entry e = new Entry(next++, queueUrl, body);
          String line = OutboxRecords.accepted(e);
          entries.add(e);
          sizes.add(lineBytes(line));
          lines.append(line);
        }
      });
      append(lines);
      // pending only once written: a PutEvents that failed here answers 500, and its events are never sent
      for (int i = 0; i < entries.size(); i++) pending.add(entries.get(i), sizes.get(i));
      mine = ++writes;
    }
    force(mine);
    compactIfDue();
  }

  /** Marks delivered events done. */
  void delivered(String queueUrl, List<String> bodies) {
    synchronized (this) {
      StringBuilder lines = new StringBuilder();
      for (String body : bodies) {
        Long seq = pending.remove(queueUrl, body);
        if (seq != null) lines.append(OutboxRecords.delivered(seq));
      }
      try {
        if (lines.length() > 0) append(lines);
      } catch (IOException e) {
        // the mark is an optimisation: without it the event is delivered once more after a restart
      }
    }
    compactIfDue();
  }

  /** Online compactions done so far. */
  synchronized int compactions() {
    return compactions;
  }

  /** The last online compaction, or null before the first. */
  synchronized Compacted lastCompaction() {
    return lastCompaction;
  }

  /** The journal file's size as written (forced or not). */
  synchronized long fileBytes() {
    return fileBytes;
  }

  private void append(CharSequence lines) throws IOException {
    fileBytes += OutboxFiles.write(channel, lines);
    if (sinceSnapshot != null) sinceSnapshot.append(lines);
  }

  private void force(long mine) throws IOException {
    synchronized (forcing) {
      if (forced >= mine) return;
      long covered;
      FileChannel current;
      synchronized (this) {
        covered = writes;
        current = channel;
      }
      current.force(false);
      forced = covered;
    }
  }

  private void compactIfDue() {
    synchronized (this) {
      if (closed || fileBytes <= retryAboveBytes || !compaction.due(fileBytes, pending.bytes())) return;
    }
    if (compacting.compareAndSet(false, true)) compaction.run(this::compact);
  }

  /** Snapshot, write aside, switch: only the first and the last hold appends up. */
  private void compact() {
    long started = System.nanoTime();
    FileChannel fresh = null;
    try {
      List<Entry> snapshot;
      synchronized (this) {
        if (closed) return;
        snapshot = pending.snapshot();
        sinceSnapshot = new StringBuilder();
      }
      long blocked = System.nanoTime() - started;
      compaction.reached(Step.SNAPSHOT_TAKEN);
      fresh = OutboxFiles.writeAside(file, snapshot);
      compaction.reached(Step.WRITTEN_ASIDE);
      FileChannel replaced = switchTo(fresh, started, blocked);
      if (replaced != null) fresh = null;
      // outside the locks: closing the last handle on the replaced file frees it, which took 60-130 ms for 64 MiB
      closeQuietly(replaced);
      if (replaced != null) log(lastCompaction());
    } catch (IOException | UncheckedIOException e) {
      // A full or failing disk: trying again on every append would write the pending set aside once per PutEvents.
      long retryAbove;
      synchronized (this) {
        retryAbove = retryAboveBytes = compaction.retryAbove(fileBytes);
      }
      LOG.log(Level.WARNING, String.format("EventBridge could not compact its outbox; it goes on appending to %s and tries again past %,d bytes",
          file, retryAbove), e);
    } finally {
      synchronized (this) {
        sinceSnapshot = null;
      }
      closeQuietly(fresh);
      compacting.set(false);
    }
  }

  /**
   * Makes {@code fresh} the journal: the appends made since the snapshot go into it and are forced before it is
   * renamed over the old file, so nothing acknowledged is ever only in the file being replaced. Returns the old
   * file's channel, or null when the journal was closed meanwhile.
   */
  private FileChannel switchTo(FileChannel fresh, long started, long blockedBefore) throws IOException {
    synchronized (forcing) {
      synchronized (this) {
        if (closed) return null;
        long switching = System.nanoTime();
        long bytesBefore = fileBytes;
        long bytes = fresh.size() + OutboxFiles.write(fresh, sinceSnapshot);
        fresh.force(false);
        OutboxFiles.replace(file);
        compaction.reached(Step.RENAMED);
        FileChannel old = channel;
        channel = fresh;
        fileBytes = bytes;
        sinceSnapshot = null;
        forced = writes;
        compactions++;
        long now = System.nanoTime();
        lastCompaction = new Compacted(bytesBefore, bytes, pending.size(), now - started, blockedBefore + now - switching);
        return old;
      }
    }
  }

  private static void log(Compacted c) {
    LOG.info(String.format("EventBridge outbox compacted: %,d -> %,d bytes (%d pending) in %.1f ms, appends held %.1f ms",
        c.bytesBefore(), c.bytesAfter(), c.pending(), c.nanos() / 1e6, c.blockingNanos() / 1e6));
  }

  private static int lineBytes(String line) {
    return line.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      if (channel != null) channel.close();
    } catch (IOException e) {
      // nothing is lost: what the replaced file held is in the new one, forced (or, before a switch, still in it)
    }
  }

  /** Waits for a compaction under way (it gives up if it has not switched yet), then closes the file. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      closed = true;
    }
    try {
      List<String> alive = compaction.join(10);
      if (!alive.isEmpty()) LOG.warning("EventBridge outbox compaction still running at close: " + alive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      channel.close();
    }
  }
}
