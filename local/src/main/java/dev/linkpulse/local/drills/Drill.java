package dev.linkpulse.local.drills;

import java.time.Duration;
import java.util.Locale;

/**
 * The failures the local stack can inject for a drill, each the way it would happen on AWS: a dependency failing
 * (DynamoDB answering errors or throttling), or a function crashing. What alarm each must fire, and which runbook
 * to follow, is the operations toolkit's to say ({@code ./linkpulse drill}).
 */
public enum Drill {
  /** {@code share} of the redirect's link lookups (DynamoDB GetItem on the table) fail, so it answers 5xx. */
  REDIRECT_5XX,
  /** Every recorder invocation fails before its handler runs, as a crashing or timed-out function does. */
  RECORDER_THROWS,
  /** DynamoDB throttles {@code share} of the recorder's writes (BatchWriteItem on the table). */
  DYNAMODB_THROTTLES;

  /** {@code redirect-5xx}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Drill of(String id) {
    for (Drill d : values()) if (d.id().equals(id)) return d;
    throw new IllegalArgumentException("no drill " + id + " (drills: redirect-5xx, recorder-throws, dynamodb-throttles)");
  }

  /** A drill under way: what, how much, and until when (timeline time). */
  public record Running(Drill drill, double share, java.time.Instant until) {}

  static void check(double share, Duration length) {
    if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share must be in (0, 1], got " + share);
    if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("a drill lasts more than 0 s and at most 1 day, got " + length);
    }
  }
}
