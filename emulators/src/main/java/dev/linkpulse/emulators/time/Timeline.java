package dev.linkpulse.emulators.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A clock that can run a task when it reaches an instant. Shared by every engine that waits. */
public interface Timeline {
  /** A scheduled task; cancelling one that already ran does nothing. */
  interface Scheduled {
    void cancel();
  }

  Instant now();

  /** Runs {@code task} once this timeline reaches {@code at} (at once, asynchronously, if it already has). */
  Scheduled schedule(Instant at, Runnable task);

  default Scheduled after(Duration delay, Runnable task) {
    return schedule(now().plus(delay), task);
  }

  /**
   * How many seconds of this timeline pass in a second of wall time: 1 for the system timeline, N for a scaled one,
   * 0 for one that moves only when told ({@link ManualTimeline}).
   */
  double speed();

  /**
   * This timeline's instant at the moment the wall clock read {@code wall}: where a stamp taken by code that reads
   * the wall clock (a function's EMF {@code _aws.Timestamp}) lands on the timeline. Monotonic, so stamps keep their
   * order. A timeline that does not follow the wall clock ({@link ManualTimeline}) keeps the stamp as it is.
   */
  default Instant fromWallClock(Instant wall) {
    return wall;
  }

  /** This timeline as a {@link Clock}, for code that only reads time. */
  default Clock clock() {
    Timeline self = this;
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        throw new UnsupportedOperationException("timelines are UTC");
      }

      @Override
      public Instant instant() {
        return self.now();
      }
    };
  }

  /** The wall clock. */
  static Timeline system() {
    return new ScaledTimeline(1);
  }

  /** Time that runs {@code speed} times faster than the wall clock, from now on (a 5-minute wait at 60 takes 5 s). */
  static Timeline scaled(double speed) {
    return new ScaledTimeline(speed);
  }
}
