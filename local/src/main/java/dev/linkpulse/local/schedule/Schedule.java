package dev.linkpulse.local.schedule;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One scheduled rule with its function as target, ticking on the stack's timeline from when it was created, every
 * {@code rate}. EventBridge invokes the function asynchronously: here on the stack's schedule worker, and a failed
 * run is retried as Lambda retries an asynchronous invocation (one minute after the tick, then two minutes after that), up to
 * {@code maxRetries}. A tick that falls due while the previous one still waits for the worker replaces it: a
 * ManualTimeline moved by days would otherwise queue thousands of runs.
 */
final class Schedule {
  private static final Logger LOG = Logger.getLogger(Schedule.class.getName());

  private final String name;
  private final Duration rate;
  private final LocalFunction function;
  private final Function<Instant, String> event;
  private final int maxRetries;
  private final Timeline timeline;
  private final ExecutorService worker;
  private final AtomicReference<Runnable> waiting = new AtomicReference<>();
  private volatile Timeline.Scheduled next;
  private volatile boolean closed;

  Schedule(String name, Duration rate, LocalFunction function, Function<Instant, String> event, int maxRetries, Timeline timeline,
      ExecutorService worker) {
    this.name = name;
    this.rate = rate;
    this.function = function;
    this.event = event;
    this.maxRetries = maxRetries;
    this.timeline = timeline;
    this.worker = worker;
  }

  String name() {
    return name;
  }

  /** The first tick one rate after now, as a rule created now. */
  Schedule start() {
    tickAt(timeline.now().plus(rate));
    return this;
  }

  private void tickAt(Instant at) {
    if (closed) return;
    next = timeline.schedule(at, () -> {
      String payload = event.apply(at);
      if (waiting.getAndSet(() -> invoke(payload, 0, at)) == null) submit(this::runWaiting);
      tickAt(at.plus(rate));
    });
  }

  private void runWaiting() {
    Runnable run = waiting.getAndSet(null);
    if (run != null) run.run();
  }

  /** @param due when this attempt was due: the tick's instant, then each retry's, so retries keep the tick's pace */
  private void invoke(String payload, int retry, Instant due) {
    try {
      function.invoke(payload);
    } catch (RuntimeException e) {
      if (closed) return;
      if (retry >= maxRetries) {
        LOG.log(Level.WARNING, "schedule " + name + ": " + function.name() + " failed, retries spent: " + e.getMessage());
        return;
      }
      LOG.info("schedule " + name + ": " + function.name() + " failed (" + e.getMessage() + "), retry " + (retry + 1) + " of " + maxRetries);
      Instant retryAt = due.plus(Duration.ofMinutes(retry + 1L));
      timeline.schedule(retryAt, () -> submit(() -> invoke(payload, retry + 1, retryAt)));
    }
  }

  private void submit(Runnable run) {
    if (closed) return;
    try {
      worker.execute(() -> {
        if (!closed) run.run();
      });
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // the stack is closing: the run is dropped with it
    }
  }

  void stop() {
    closed = true;
    Timeline.Scheduled n = next;
    if (n != null) n.cancel();
  }
}
