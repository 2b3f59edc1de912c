package dev.linkpulse.emulators.eventbridge;

import dev.linkpulse.emulators.protocol.NamedThreads;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * When the outbox journal rewrites itself to its pending events while it runs, and on which thread: the file has
 * passed {@code aboveBytes} and at least half of it is delivered (so a compaction at least halves the file, and the
 * bytes written to compact stay at most those appended since the last one). After a compaction fails (a full disk),
 * the next waits until the file has grown by {@code aboveBytes} again. The steps are a test seam: a test stops
 * a compaction between them, as a crash would, or fails one, as a full disk would.
 */
final class OutboxCompaction {
  /** 64 MiB: about 90,000 clicks at the redirect's envelope size, read in well under a second at the next start. */
  static final long DEFAULT_ABOVE_BYTES = 64L << 20;

  /** The points between a compaction's steps, in order. */
  enum Step {
    /** The pending set is copied: the compaction writes it, and what is written from now on is kept aside too. */
    SNAPSHOT_TAKEN,
    /** The new file is written and forced beside the journal; the journal is untouched. */
    WRITTEN_ASIDE,
    /** The new file, with what was written meanwhile, has replaced the journal; appends still go to the old one. */
    RENAMED
  }

  /** Told of each step a compaction reaches, on the compaction's thread. */
  interface Steps {
    Steps NONE = step -> {};

    void reached(Step step);
  }

  private final long aboveBytes;
  private final Executor executor;
  private final Steps steps;
  private final NamedThreads threads;

  private OutboxCompaction(long aboveBytes, Executor executor, Steps steps, NamedThreads threads) {
    if (aboveBytes <= 0) throw new IllegalArgumentException("compaction threshold must be > 0 bytes, was " + aboveBytes);
    this.aboveBytes = aboveBytes;
    this.executor = executor;
    this.steps = steps;
    this.threads = threads;
  }

  /** Compactions on a thread of their own, started for each (one per {@code aboveBytes} of traffic, at most). */
  static OutboxCompaction background(long aboveBytes) {
    NamedThreads threads = new NamedThreads("eventbridge-outbox-compaction");
    return new OutboxCompaction(aboveBytes, body -> threads.start("eventbridge-outbox-compaction", body), Steps.NONE, threads);
  }

  /** Compactions on the thread whose append made one due, told to {@code steps}: for tests. */
  static OutboxCompaction inline(long aboveBytes, Steps steps) {
    return new OutboxCompaction(aboveBytes, Runnable::run, steps, new NamedThreads("eventbridge-outbox-compaction"));
  }

  boolean due(long fileBytes, long pendingBytes) {
    return fileBytes > aboveBytes && pendingBytes * 2 < fileBytes;
  }

  /** After a compaction of a {@code fileBytes} file failed, the size past which the next one may start. */
  long retryAbove(long fileBytes) {
    return fileBytes + aboveBytes;
  }

  void run(Runnable compaction) {
    executor.execute(compaction);
  }

  void reached(Step step) {
    steps.reached(step);
  }

  /** Waits for a compaction under way; the names of threads still alive after {@code seconds}. */
  List<String> join(long seconds) throws InterruptedException {
    return threads.join(seconds, TimeUnit.SECONDS);
  }
}
