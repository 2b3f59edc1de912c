package dev.linkpulse.ops.dlq;

import dev.linkpulse.ops.UsageError;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code --rate}: messages per second, written {@code 50/s} or {@code 50} (fractions allowed: {@code 0.5/s}). */
public final class Rate {
  private static final Pattern TEXT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:/\\s*s(?:ec)?)?\\s*");
  /** Sanity bound: anything above is a typo, and SQS would throttle long before. */
  static final double MAX = 100_000;

  /** Where a rate reads the time and waits: the system's nanosecond clock and sleep, or a test's. */
  interface Ticker {
    Ticker SYSTEM = new Ticker() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos);
      }
    };

    long nanoTime();

    void sleep(long nanos) throws InterruptedException;
  }

  private final double perSecond;
  private final Ticker ticker;
  private long next;
  private boolean started;

  private Rate(double perSecond, Ticker ticker) {
    this.perSecond = perSecond;
    this.ticker = ticker;
  }

  /** The same rate, timed by {@code other}. */
  Rate on(Ticker other) {
    return new Rate(perSecond, other);
  }

  /** Parses a rate; null text means unlimited (null result). */
  public static Rate parse(String text) {
    if (text == null) return null;
    Matcher m = TEXT.matcher(text.toLowerCase(Locale.ROOT));
    double value;
    if (m.matches()) {
      value = Double.parseDouble(m.group(1));
    } else {
      throw new UsageError("--rate must be a positive number of messages per second like 50/s, got '" + text + "'");
    }
    if (!(value > 0)) throw new UsageError("--rate must be greater than 0, got '" + text + "'");
    if (value > MAX) throw new UsageError("--rate must be at most " + (long) MAX + "/s, got '" + text + "'");
    return new Rate(value, Ticker.SYSTEM);
  }

  public double perSecond() {
    return perSecond;
  }

  /** A whole number of messages per second, or -1 when it is not one (SQS's move task takes integers only). */
  int wholePerSecond() {
    return perSecond == Math.rint(perSecond) && perSecond <= Integer.MAX_VALUE ? (int) perSecond : -1;
  }

  /** How many messages one send may carry without bursting past the rate by more than a second's worth. */
  int chunk(int max) {
    return (int) Math.max(1, Math.min(max, Math.floor(perSecond)));
  }

  /** Blocks until {@code permits} more messages may go: evenly spaced, no burst beyond the first send. */
  void acquire(int permits) throws InterruptedException {
    long now = ticker.nanoTime();
    if (!started) {
      next = now;
      started = true;
    }
    long wait = next - now;
    if (wait > 0) ticker.sleep(wait);
    next = Math.max(next, now) + (long) (permits * 1e9 / perSecond);
  }

  @Override
  public String toString() {
    return (perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond)) + "/s";
  }
}
