package dev.linkpulse.emulators.protocol;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code prefix-1}, {@code prefix-2}, ..., remembered so that a component's close() can join
 * every thread it ever started (a pool's awaitTermination returns while its last workers are still exiting).
 */
public final class NamedThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  public NamedThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable body) {
    return start(prefix + "-" + count.incrementAndGet(), body, false);
  }

  /** A named daemon thread, started now. */
  public Thread start(String name, Runnable body) {
    return start(name, body, true);
  }

  private Thread start(String name, Runnable body, boolean start) {
    threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    threads.add(t);
    if (start) t.start();
    return t;
  }

  /** Joins every thread, waiting at most {@code timeout} in all; returns the names of those still alive. */
  public List<String> join(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (Thread t : threads) {
      if (t == Thread.currentThread()) continue;
      long left = deadline - System.nanoTime();
      if (left > 0) TimeUnit.NANOSECONDS.timedJoin(t, left);
    }
    return threads.stream().filter(Thread::isAlive).filter(t -> t != Thread.currentThread()).map(Thread::getName).toList();
  }
}
