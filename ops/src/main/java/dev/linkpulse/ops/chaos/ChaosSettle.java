package dev.linkpulse.ops.chaos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;

/**
 * Waits for the pipeline to count what was sent: until every link's total equals its sent count and stays so, or until the
 * totals have not moved for the settle time (longer than the clicks queue's 180 s visibility timeout, so clicks a
 * crash sent back are given their second chance); an exact count must hold for 30 s. The comparison is the report's; this only decides when to look.
 */
final class ChaosSettle {
  private static final Duration POLL = Duration.ofSeconds(5);
  /** An exact count must hold this long: a duplicate still on its way would show as a double within it. */
  private static final Duration HOLD = Duration.ofSeconds(30);

  private final ChaosTraffic traffic;
  private final Duration settle;
  private final PrintWriter out;

  ChaosSettle(ChaosTraffic traffic, Duration settle, PrintWriter out) {
    this.traffic = traffic;
    this.settle = settle;
    this.out = out;
  }

  long[] await() throws InterruptedException {
    long[] last = null;
    long stillSince = System.nanoTime();
    long began = System.nanoTime();
    while (true) {
      long[] now = counts();
      boolean held = Arrays.equals(now, last) && Duration.ofNanos(System.nanoTime() - stillSince).compareTo(HOLD) > 0;
      if (exact(now) && held) return now;
      if (!Arrays.equals(now, last)) {
        last = now;
        stillSince = System.nanoTime();
        out.println("chaos: settling, counted " + Arrays.stream(now).map(c -> Math.max(c, 0)).sum() + " after "
            + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s");
        out.flush();
      } else if (Duration.ofNanos(System.nanoTime() - stillSince).compareTo(settle) > 0) {
        return now;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private long[] counts() throws InterruptedException {
    long[] counted = new long[traffic.codes().size()];
    for (int i = 0; i < counted.length; i++) counted[i] = traffic.counted(i);
    return counted;
  }

  private boolean exact(long[] counted) {
    for (int i = 0; i < counted.length; i++) if (counted[i] != traffic.sent(i)) return false;
    return true;
  }
}
