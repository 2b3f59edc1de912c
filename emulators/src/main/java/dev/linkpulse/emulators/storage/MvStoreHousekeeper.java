package dev.linkpulse.emulators.storage;

import dev.linkpulse.emulators.time.Timeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * Reclaims the dead space of an H2 MVStore file that stays open. H2 rewrites sparse chunks and frees dead ones in its
 * background writer only, and that thread runs only while auto-commit is on ({@code FileStore.setAutoCommitDelay}
 * above 0, whose {@code writeInBackground} calls {@code doHousekeeping}). A store that commits each request itself,
 * for durability before it answers (our DynamoDB engine: {@code autoCommitDisabled()}; H2 SQL with
 * {@code WRITE_DELAY=0}), gets no housekeeping at all: every commit leaves a chunk of at least one 4 KiB block, most
 * of it soon dead, and the file grows for ever.
 *
 * <p>Each pass, on the store's timeline and run on this housekeeper's own thread, does what that background writer
 * would: it rewrites the live pages of chunks less than {@link #TARGET_FILL_RATE} percent live
 * ({@link MVStore#compact}) in steps of at most {@link #STEP_BYTES}, each step committed and run as a writer.
 * Rewritten pages are the same data in a new place, made durable by a commit while the old place still holds them,
 * so a kill -9 at any point loses nothing. A commit frees the chunks left dead once H2's retention time has passed,
 * and later chunks reuse that space: the file stays within a small multiple of its live size instead of growing with
 * every write. (It does not get shorter while open: H2 truncates only by moving chunks, which
 * {@link #compactClosedFile} does better at open.)
 */
public final class MvStoreHousekeeper implements AutoCloseable {
  /** Chunks less live than this (percent) are rewritten; H2's own background writer aims for 90 with more writes. */
  public static final int TARGET_FILL_RATE = 80;
  static final int STEP_BYTES = 256 << 10;
  static final int MAX_STEPS = 64;

  private final MVStore store;
  private final Timeline timeline;
  private final Duration interval;
  private final Consumer<Runnable> asWriter;
  private final ExecutorService worker;
  private final AtomicBoolean passQueued = new AtomicBoolean();
  private volatile Timeline.Scheduled next;
  private volatile boolean closed;

  private MvStoreHousekeeper(MVStore store, Timeline timeline, Duration interval, Consumer<Runnable> asWriter, String name) {
    this.store = store;
    this.timeline = timeline;
    this.interval = interval;
    this.asWriter = asWriter;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name + "-housekeeper");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Housekeeps {@code store} every {@code interval} of {@code timeline}. Every step that commits runs through
   * {@code asWriter}: where a commit must not cut a request's changes in half it runs the step under the writers' lock
   * (the DynamoDB engine's), where any commit is consistent (H2 SQL, with its own undo log) it just runs it.
   */
  public static MvStoreHousekeeper start(MVStore store, Timeline timeline, Duration interval, Consumer<Runnable> asWriter, String name) {
    MvStoreHousekeeper keeper = new MvStoreHousekeeper(store, timeline, interval, asWriter, name);
    keeper.schedule();
    return keeper;
  }

  /**
   * Copies the live pages of the closed MVStore file {@code file} into a new file that then replaces it in one atomic
   * rename ({@link MVStoreTool#compact(String, boolean)}, what H2's {@code SHUTDOWN COMPACT} does); a copy left
   * behind by a kill -9 mid-way is deleted first, and the original is untouched until the rename. The file's length
   * becomes its live size. H2's in-place {@code compactFile} with a time limit is no substitute: cut short, it leaves
   * the file larger than it found it (chunks are evacuated to the end before they move down).
   */
  public static void compactClosedFile(Path file) {
    String name = file.toString();
    MVStoreTool.compactCleanUp(name);
    if (Files.exists(file)) MVStoreTool.compact(name, false);
  }

  private void schedule() {
    if (!closed) next = timeline.after(interval, this::handOff);
  }

  // The timeline's thread runs every engine's timers: the rewriting goes to this housekeeper's own thread.
  private void handOff() {
    queuePass(true);
  }

  /**
   * Asks for a pass soon, without waiting for it: a store that has written a lot since the last one calls this, so
   * the space its chunks leave is reclaimed before the next interval (the file's high-water mark grows with the
   * writes between passes). Does nothing while a pass is already queued.
   */
  public void nudge() {
    queuePass(false);
  }

  private void queuePass(boolean scheduled) {
    if (!scheduled && !passQueued.compareAndSet(false, true)) return;
    try {
      worker.execute(() -> {
        try {
          if (!scheduled) passQueued.set(false);
          housekeep();
        } finally {
          if (scheduled) schedule();
        }
      });
    } catch (RejectedExecutionException closing) {
      // closed meanwhile: nothing more to do
    }
  }

  /** One pass now; returns how many steps rewrote something. */
  public synchronized int housekeep() {
    int steps = 0;
    // A step runs as a writer: H2 gives up a step that cannot take the store's lock at once (tryExecuteUnderStoreLock),
    // which beside busy writers is nearly always, and its commit must come before the next step (until then the chunks
    // a step empties still count as live, and it would pick them again). Writers wait for one small step at most.
    boolean[] rewrote = new boolean[1];
    while (open() && steps < MAX_STEPS) {
      asWriter.accept(() -> {
        rewrote[0] = open() && store.compact(TARGET_FILL_RATE, STEP_BYTES);
        if (rewrote[0]) store.commit();
      });
      if (!rewrote[0]) break;
      steps++;
    }
    return steps;
  }

  private boolean open() {
    return !closed && !store.isClosed();
  }

  /** Stops the passes and waits for one in progress; the store stays open. */
  @Override
  public void close() {
    closed = true;
    Timeline.Scheduled n = next;
    if (n != null) n.cancel();
    worker.shutdown();
    try {
      worker.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
