package dev.linkpulse.emulators.eventsources;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Whether a mapping is running, and the one way its threads wait: a pause that ends early when it stops. */
final class MappingLifecycle {
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile boolean running;

  boolean running() {
    return running;
  }

  /** True once the mapping has started or stopped: it cannot start (again). */
  boolean used() {
    return running || stop.getCount() == 0;
  }

  void begin() {
    running = true;
  }

  void stop() {
    running = false;
    stop.countDown();
  }

  void pause(long millis) {
    try {
      stop.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
