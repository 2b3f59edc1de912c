package dev.linkpulse.ops.chaos;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the API answered to each click of a chaos run, by click id. Ids run from 0 to the run's click count, and a
 * click goes to link {@code id % links}; each redirect carries its id in its {@code Referer}
 * ({@link #referrer}), which the raw click log keeps, so {@link ClickCensus} can find every click again.
 *
 * <ul>
 *   <li><b>answered</b>: a 302, given only once the click was published; it must be counted exactly once;
 *   <li><b>refused</b>: any other answer (a 5xx may follow a publish whose answer was lost); counted 0 or 1;
 *   <li><b>in flight</b>: sent, and no answer came (the stack was killed under it, or the connection broke);
 *       counted 0 or 1.
 * </ul>
 * A click counted twice is doubled whatever its outcome. For each click without a 302 the ledger keeps when its
 * request left and when it ended ({@link Unanswered}), so a run can tell the clicks a kill -9 explains from the rest.
 */
final class ClickLedger {
  enum Outcome { UNSENT, ANSWERED, REFUSED, IN_FLIGHT }

  /** A click without a 302: its request left at {@code sentNanos} and ended at {@code endedNanos} ({@link System#nanoTime}). */
  record Unanswered(long sentNanos, long endedNanos) {
    /** Whether the click was sent before the restarted stack was up and ended after the kill: the kill explains it. */
    boolean during(KillWindow kill) {
      return sentNanos < kill.restartedNanos() && endedNanos >= kill.killedNanos();
    }
  }

  /** A kill -9 issued at {@code killedNanos}, and the restarted stack answering again from {@code restartedNanos}. */
  record KillWindow(long killedNanos, long restartedNanos) {}

  /** The referrer of every chaos click, its id appended: a URL the raw click log keeps whole. */
  static final String REFERRER = "https://chaos.linkpulse.test/click/";

  private static final Outcome[] OUTCOMES = Outcome.values();

  private final AtomicIntegerArray outcomes;
  private final int links;
  /** Why clicks were refused or left in flight (status, or exception and message), for the report. */
  private final Map<String, AtomicLong> why = new ConcurrentHashMap<>();
  private final Map<Integer, Unanswered> unanswered = new ConcurrentHashMap<>();

  ClickLedger(long clicks, int links) {
    if (clicks > Integer.MAX_VALUE) throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " clicks");
    this.outcomes = new AtomicIntegerArray((int) clicks);
    this.links = links;
  }

  static String referrer(int id) {
    return REFERRER + id;
  }

  int size() {
    return outcomes.length();
  }

  int links() {
    return links;
  }

  int link(int id) {
    return id % links;
  }

  void answered(int id) {
    outcomes.set(id, Outcome.ANSWERED.ordinal());
  }

  /** The click, sent at {@code sentNanos}, was answered {@code status}, not 302. */
  void refused(int id, int status, long sentNanos) {
    unanswered(id, Outcome.REFUSED, "answered " + status, sentNanos);
  }

  /** The click, sent at {@code sentNanos}, got no answer. */
  void inFlight(int id, Exception e, long sentNanos) {
    String reason = e instanceof RedirectSocket.LostOnANewConnection ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    unanswered(id, Outcome.IN_FLIGHT, reason, sentNanos);
  }

  private void unanswered(int id, Outcome outcome, String reason, long sentNanos) {
    unanswered.put(id, new Unanswered(sentNanos, System.nanoTime()));
    outcomes.set(id, outcome.ordinal());
    why.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
  }

  /** When the click without a 302 was sent and ended; null for a click that was answered 302 or not sent. */
  Unanswered unanswered(int id) {
    return unanswered.get(id);
  }

  Outcome outcome(int id) {
    return OUTCOMES[outcomes.get(id)];
  }

  /** Clicks of {@code link} with {@code outcome}. */
  long count(int link, Outcome outcome) {
    long n = 0;
    for (int id = link; id < outcomes.length(); id += links) if (outcomes.get(id) == outcome.ordinal()) n++;
    return n;
  }

  /** Clicks sent so far (any outcome but unsent). */
  long sent() {
    long n = 0;
    for (int id = 0; id < outcomes.length(); id++) if (outcomes.get(id) != Outcome.UNSENT.ordinal()) n++;
    return n;
  }

  Map<String, AtomicLong> why() {
    return why;
  }
}
