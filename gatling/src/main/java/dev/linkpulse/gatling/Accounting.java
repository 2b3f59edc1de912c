package dev.linkpulse.gatling;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Both sides of a run's books: per link, the clicks the run sent and got a redirect for, and what the stats API
 * counted for it, human and bot apart.
 *
 * @param rows one per link, in the order the run opened them (ViralLink: the viral one first)
 * @param lastSentMillis when the last redirect was answered (epoch millis)
 * @param balancedAtMillis when the stats API was first seen to agree on every link, or -1 if it never did
 * @param roundMillis how long a read of every link's stats took, the resolution of {@code balancedAtMillis}
 * @param waitedMillis how long the accounting waited for the pipeline
 */
record Accounting(String simulation, List<Row> rows, long lastSentMillis, long balancedAtMillis, long roundMillis,
    long waitedMillis) {

  /** One link: sent against counted. {@code error} is the last failure to read its stats, or null. */
  record Row(String code, Ledger.Tally sent, ApiClient.Counts counted, String error) {
    boolean balanced() {
      return error == null && counted.human() == sent.human() && counted.bot() == sent.bot() && counted.total() == sent.total();
    }

    /** Counted minus sent: negative when clicks were lost, positive when some were counted twice (or a failed one counted). */
    long difference() {
      return counted.total() - sent.total();
    }
  }

  /** Every click sent was counted once, and every link's human and bot counts agree. */
  boolean balanced() {
    return balancedAtMillis >= 0 && rows.stream().allMatch(Row::balanced);
  }

  /** From the last click sent to the moment every click was seen counted; -1 when they never all were. */
  long lagMillis() {
    return balanced() ? Math.max(0, balancedAtMillis - lastSentMillis) : -1;
  }

  long sentHuman() {
    return sum(r -> r.sent().human());
  }

  long sentBot() {
    return sum(r -> r.sent().bot());
  }

  long failed() {
    return sum(r -> r.sent().failed());
  }

  long countedHuman() {
    return sum(r -> r.counted().human());
  }

  long countedBot() {
    return sum(r -> r.counted().bot());
  }

  long countedTotal() {
    return sum(r -> r.counted().total());
  }

  private long sum(ToLongFunction<Row> column) {
    return rows.stream().mapToLong(column).sum();
  }

  List<Row> unbalanced() {
    return rows.stream().filter(r -> !r.balanced()).toList();
  }
}
