package dev.linkpulse.emulators.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Wall-clock time, optionally sped up; tasks run on one daemon thread. */
final class ScaledTimeline implements Timeline {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "timeline");
    t.setDaemon(true);
    return t;
  });

  private final double speed;
  private final Instant origin = Instant.now();
  private final long originNanos = System.nanoTime();

  ScaledTimeline(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) throw new IllegalArgumentException("speed must be a positive number: " + speed);
    this.speed = speed;
  }

  @Override
  public Instant now() {
    if (speed == 1) return Instant.now();
    return origin.plusNanos((long) ((System.nanoTime() - originNanos) * speed));
  }

  @Override
  public double speed() {
    return speed;
  }

  /** The wall instant's distance from this timeline's origin, {@code speed} times over. */
  @Override
  public Instant fromWallClock(Instant wall) {
    if (speed == 1) return wall;
    return origin.plusNanos((long) (Duration.between(origin, wall).toNanos() * speed));
  }

  @Override
  public Scheduled schedule(Instant at, Runnable task) {
    long wallNanos = (long) (Math.max(0, Duration.between(now(), at).toNanos()) / speed);
    ScheduledFuture<?> future = TIMER.schedule(task, wallNanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}
