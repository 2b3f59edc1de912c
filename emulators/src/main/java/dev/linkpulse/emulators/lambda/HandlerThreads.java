package dev.linkpulse.emulators.lambda;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a function's handlers run on, so that the invoking thread can stop waiting at the function's Timeout
 * as Lambda does. A JVM thread cannot be killed: at the deadline the handler's thread is interrupted and left to
 * end on its own, and the caller abandons the execution environment (see {@link ExecutionEnvironments#discard}).
 * A thread whose handler ignores the interrupt stays busy until the handler returns; the pool grows past it, so a
 * hung handler never holds up the next invocation. Idle threads end after a minute.
 */
final class HandlerThreads implements AutoCloseable {
  /**
   * The caller stopped waiting before the handler returned, and interrupted the handler's thread: the deadline
   * passed ({@code timedOut}), or the caller itself was interrupted (its interrupt status is kept).
   */
  static final class Abandoned extends Exception {
    final boolean timedOut;

    Abandoned(boolean timedOut) {
      super(timedOut ? "the deadline passed" : "the caller was interrupted", null, false, false);
      this.timedOut = timedOut;
    }
  }

  private final ExecutorService pool;

  HandlerThreads(String function) {
    AtomicInteger count = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "function-" + function + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code body} on a handler thread and waits for it until {@code deadlineNanos} ({@link System#nanoTime}
   * wall time, whatever speed the stack's timeline runs at).
   *
   * @throws Abandoned when the deadline came first, or the caller was interrupted while waiting (either way the
   *     handler's thread is interrupted); anything else the handler threw, as it threw it
   */
  <T> T run(FunctionCode.Body<T> body, long deadlineNanos) throws Throwable {
    Future<T> result = pool.submit(() -> {
      try {
        return body.run();
      } catch (Throwable t) {
        throw HandlerThreads.<Exception>rethrow(t);
      }
    });
    try {
      return waitFor(result, deadlineNanos);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  /** The handler's answer, or an ExecutionException holding its throw (which may itself be any exception). */
  private static <T> T waitFor(Future<T> result, long deadlineNanos) throws ExecutionException, Abandoned {
    try {
      return result.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (result.cancel(true)) throw new Abandoned(true);
      // the handler returned just as the deadline passed: its answer stands (a done Future answers at once)
      return waitFor(result, System.nanoTime());
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new Abandoned(false);
    }
  }

  /** Throws {@code t} unchanged from a Callable, which may only throw Exceptions (FutureTask keeps any Throwable). */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E rethrow(Throwable t) throws E {
    throw (E) t;
  }

  /** No new invocations; those running finish (their threads are daemons: a hung one does not hold up the JVM). */
  @Override
  public void close() {
    pool.shutdown();
  }
}
