package dev.linkpulse.moderation.review;

import dev.linkpulse.core.Metrics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The review queue's age: how long the oldest link in review has waited, in whole seconds, as the gauge
 * {@value #METRIC} ({@code Linkpulse}, {@code Service=moderation}) at the clock's instant. An empty queue reads 0, so
 * the series stays dense and a missing datapoint means the sweep did not run; a review that began after the clock's
 * instant (clocks a little apart) reads 0, never a negative age.
 */
public final class ReviewQueueGauge {
  public static final String SERVICE = "moderation";
  public static final String METRIC = "ReviewOldestAgeSeconds";

  /** One reading: the age, and the link it belongs to (null when nobody waits). */
  public record Reading(Instant at, long oldestAgeSeconds, String oldestCode) {}

  private final ReviewQueue queue;
  private final Clock clock;
  private final PrintStream out;

  public ReviewQueueGauge(ReviewQueue queue, Clock clock, PrintStream out) {
    this.queue = queue;
    this.clock = clock;
    this.out = out;
  }

  /** Reads the queue, emits the gauge (one EMF line stamped with the clock's instant) and answers what it read. */
  public Reading sweep() {
    Instant now = clock.instant();
    Optional<ReviewQueue.Waiting> oldest = queue.oldest();
    long age = oldest.map(w -> Math.max(0, Duration.between(w.since(), now).getSeconds())).orElse(0L);
    Reading reading = new Reading(now, age, oldest.map(ReviewQueue.Waiting::code).orElse(null));
    Map<String, Object> properties = new LinkedHashMap<>();
    if (reading.oldestCode() != null) properties.put("oldestCode", reading.oldestCode());
    new Metrics(SERVICE, out, clock).emit(Map.of(METRIC, new Metrics.Value(age, "Seconds")), properties);
    return reading;
  }
}
