package dev.linkpulse.gatling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run sent and got a redirect for, per link and per class (human or bot): the side of the accounting the
 * load generator can vouch for. A request that failed (an error status, a timeout, a refused connection) is kept
 * apart: the pipeline may or may not have counted it, so it explains a difference but is never expected.
 */
final class Ledger {
  /** One link's side of the books. */
  record Tally(long human, long bot, long failed) {
    static final Tally NONE = new Tally(0, 0, 0);

    long total() {
      return human + bot;
    }
  }

  private static final class Counter {
    final LongAdder human = new LongAdder();
    final LongAdder bot = new LongAdder();
    final LongAdder failed = new LongAdder();
  }

  private final Map<String, Counter> links = new ConcurrentHashMap<>();
  /** Codes in the order they were opened, so the table lists links as the run made them (the viral one first). */
  private final Queue<String> order = new ConcurrentLinkedQueue<>();
  private final AtomicLong lastRedirectMillis = new AtomicLong();

  /** A link the accounting must check, even if no click reaches it (then its counters must stay at zero). */
  void open(String code) {
    counter(code);
  }

  void redirected(String code, boolean bot, long atMillis) {
    Counter c = counter(code);
    (bot ? c.bot : c.human).increment();
    lastRedirectMillis.accumulateAndGet(atMillis, Math::max);
  }

  void failed(String code) {
    counter(code).failed.increment();
  }

  private Counter counter(String code) {
    return links.computeIfAbsent(code, c -> {
      order.add(c);
      return new Counter();
    });
  }

  /** When the last redirect was answered (epoch millis), 0 before the first. */
  long lastRedirectMillis() {
    return lastRedirectMillis.get();
  }

  Map<String, Tally> snapshot() {
    Map<String, Tally> out = new LinkedHashMap<>();
    for (String code : order) {
      Counter c = links.get(code);
      out.put(code, new Tally(c.human.sum(), c.bot.sum(), c.failed.sum()));
    }
    return out;
  }
}
