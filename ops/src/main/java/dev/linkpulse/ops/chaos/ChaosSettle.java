package dev.linkpulse.ops.chaos;

import dev.linkpulse.ops.chaos.ClickLedger.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Waits for the pipeline to settle, then takes the {@link ClickCensus}. Settled: every link's stats total has reached
 * its answered clicks, the clicks queue and its DLQ hold nothing (nothing is on its way to the recorder, not even a
 * message a killed recorder had taken, which comes back after the queue's visibility timeout), and the totals have
 * held for {@link #HOLD}. A census that is not exact then is waited on until the totals stand still for the settle
 * time, so a slow retry is given its chance before anything is called lost.
 */
final class ChaosSettle {
  private static final Duration POLL = Duration.ofSeconds(2);
  /** Totals must hold this long with the queues empty: a counter batch still being retried would move them. */
  private static final Duration HOLD = Duration.ofSeconds(10);

  private final ChaosTraffic traffic;
  private final LongSupplier backlog;
  private final Duration settle;
  private final PrintWriter out;

  /** @param backlog messages in the clicks queue and its DLQ, visible or not */
  ChaosSettle(ChaosTraffic traffic, LongSupplier backlog, Duration settle, PrintWriter out) {
    this.traffic = traffic;
    this.backlog = backlog;
    this.settle = settle;
    this.out = out;
  }

  ClickCensus await() throws InterruptedException {
    long[] last = null;
    long stillSince = System.nanoTime();
    long began = System.nanoTime();
    while (true) {
      long[] now = totals();
      if (!Arrays.equals(now, last)) {
        last = now;
        stillSince = System.nanoTime();
        out.println("chaos: settling, counted " + Arrays.stream(now).map(c -> Math.max(c, 0)).sum() + " after "
            + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s");
        out.flush();
      }
      Duration still = Duration.ofNanos(System.nanoTime() - stillSince);
      if (still.compareTo(HOLD) >= 0 && reachedAnswered(now) && backlog.getAsLong() == 0) {
        ClickCensus census = census();
        if (census != null && census.exact(traffic.ledger())) return census;
      }
      if (still.compareTo(settle) > 0) {
        ClickCensus census = census();
        if (census != null) return census;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private ClickCensus census() throws InterruptedException {
    try {
      return ClickCensus.take(traffic);
    } catch (IOException e) {
      out.println("chaos: the census failed, trying again: " + e.getMessage());
      return null;
    }
  }

  private long[] totals() throws InterruptedException {
    long[] counted = new long[traffic.codes().size()];
    for (int i = 0; i < counted.length; i++) counted[i] = traffic.counted(i);
    return counted;
  }

  private boolean reachedAnswered(long[] totals) {
    for (int link = 0; link < totals.length; link++) if (totals[link] < traffic.ledger().count(link, Outcome.ANSWERED)) return false;
    return true;
  }
}
