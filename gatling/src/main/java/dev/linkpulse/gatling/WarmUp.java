package dev.linkpulse.gatling;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unmeasured clicks before a run ({@code -DwarmUp}), to a link of their own: a freshly started stack (or a Lambda
 * fleet after a deploy) answers its first requests from cold code, and on a starved machine that is slow enough
 * to trip the redirect's publish budget. The warm-up link is not in the accounting; how it was counted is printed
 * all the same, so nothing it saw is hidden.
 */
final class WarmUp {
  static final double MAX_RATE = 50;
  private static final String AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

  private WarmUp() {}

  static void run(ApiClient api, String simulation, Duration length, double rate, Duration countTimeout, PrintStream out)
      throws InterruptedException {
    String code = api.createLink("https://example.com/gatling/" + simulation + "/warm-up");
    double perSecond = Math.min(rate, MAX_RATE);
    int clicks = (int) Math.max(1, Math.round(perSecond * length.toMillis() / 1000.0));
    out.printf(Locale.ROOT, "%s: warming up with %,d clicks at %.0f/s to a link of their own (not in the accounting)%n", simulation, clicks, perSecond);
    AtomicInteger redirected = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      long start = System.nanoTime();
      for (int i = 0; i < clicks; i++) {
        long due = start + (long) (i * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        senders.execute(() -> {
          if (api.redirect(code, AGENT)) redirected.incrementAndGet();
        });
      }
    } finally {
      senders.shutdown();
      senders.awaitTermination(1, TimeUnit.MINUTES);
    }
    long deadline = System.currentTimeMillis() + countTimeout.toMillis();
    long counted = api.stats(code).total();
    while (counted < redirected.get() && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      counted = api.stats(code).total();
    }
    out.printf(Locale.ROOT, "%s: warm-up done: %,d of %,d clicks redirected, %,d counted%n", simulation, redirected.get(), clicks, counted);
  }
}
