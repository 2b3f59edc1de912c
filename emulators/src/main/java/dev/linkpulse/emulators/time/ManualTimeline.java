package dev.linkpulse.emulators.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when told to. {@link #advance} runs every task that falls due, in order of its instant
 * (ties in the order scheduled), on the calling thread, with {@link #now()} showing each task's own instant; a
 * task may schedule more tasks, and those run too if they fall within the advance.
 */
public final class ManualTimeline implements Timeline {
  private record Task(Instant at, long order, Runnable body, boolean[] cancelled) {}

  private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> {
    int c = a.at.compareTo(b.at);
    return c != 0 ? c : Long.compare(a.order, b.order);
  });
  private final AtomicLong order = new AtomicLong();
  private Instant now;

  public ManualTimeline(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** None: it moves only when {@link #advance}d. */
  @Override
  public double speed() {
    return 0;
  }

  @Override
  public synchronized Scheduled schedule(Instant at, Runnable body) {
    boolean[] cancelled = {false};
    queue.add(new Task(at.isBefore(now) ? now : at, order.incrementAndGet(), body, cancelled));
    return () -> {
      synchronized (ManualTimeline.this) {
        cancelled[0] = true;
      }
    };
  }

  /** Moves time forward by {@code step}, running what falls due on the way. */
  public void advance(Duration step) {
    if (step.isNegative()) throw new IllegalArgumentException("time does not go back: " + step);
    Instant target;
    synchronized (this) {
      target = now.plus(step);
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.at.isAfter(target)) {
          now = target;
          return;
        }
        queue.poll();
        now = next.at;
        if (next.cancelled[0]) continue;
      }
      next.body.run();
    }
  }

  /** Runs what is due now without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** How many tasks wait, cancelled ones included until their time passes. */
  public synchronized int pending() {
    return queue.size();
  }
}
