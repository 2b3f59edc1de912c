package dev.linkpulse.gatling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Polls the stats API until every link's counters equal what the run sent, or the timeout passes. Once they all
 * agree it waits a little and reads every link once more, so a click counted twice a moment later (a duplicate
 * delivery the pipeline failed to absorb) is still caught.
 */
final class Accountant {
  /** One link's counters as the stats API gives them; {@link ApiClient#stats} in a run. */
  interface StatsReader {
    ApiClient.Counts read(String code);
  }

  private static final int READERS = 8;
  private static final long PROGRESS_EVERY_MILLIS = 5000;
  private final StatsReader stats;
  private final Duration timeout;
  private final Duration pollInterval;
  private final Duration settle;
  private final Consumer<String> progress;

  /** @param progress told every five seconds how the wait is going (Gatling's own progress has stopped by then) */
  Accountant(StatsReader stats, Duration timeout, Duration pollInterval, Duration settle, Consumer<String> progress) {
    this.stats = stats;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
    this.settle = settle;
    this.progress = progress;
  }

  Accounting account(String simulation, Ledger ledger) throws InterruptedException {
    Map<String, Ledger.Tally> sent = ledger.snapshot();
    long start = System.currentTimeMillis();
    long deadline = start + timeout.toMillis();
    Map<String, Accounting.Row> rows = new LinkedHashMap<>();
    sent.forEach((code, tally) -> rows.put(code, new Accounting.Row(code, tally, ApiClient.Counts.NONE, null)));
    ExecutorService readers = Executors.newFixedThreadPool(READERS, r -> {
      Thread t = new Thread(r, "accounting-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      List<String> pending = new ArrayList<>(sent.keySet());
      long lastProgress = start;
      while (true) {
        long roundStart = System.currentTimeMillis();
        read(readers, pending, rows);
        long now = System.currentTimeMillis();
        pending = pending.stream().filter(code -> !rows.get(code).balanced()).toList();
        if (pending.isEmpty()) {
          long balancedAt = now;
          Thread.sleep(settle.toMillis());
          read(readers, List.copyOf(rows.keySet()), rows);
          boolean stillBalanced = rows.values().stream().allMatch(Accounting.Row::balanced);
          return new Accounting(simulation, List.copyOf(rows.values()), ledger.lastRedirectMillis(),
              stillBalanced ? balancedAt : -1, now - roundStart, System.currentTimeMillis() - start);
        }
        if (now - lastProgress >= PROGRESS_EVERY_MILLIS) {
          lastProgress = now;
          progress.accept(String.format(Locale.ROOT, "accounting: %,d of %,d links counted as sent after %d s (timeout %d s)",
              rows.size() - pending.size(), rows.size(), (now - start) / 1000, timeout.toSeconds()));
        }
        if (now >= deadline) {
          return new Accounting(simulation, List.copyOf(rows.values()), ledger.lastRedirectMillis(), -1, now - roundStart, now - start);
        }
        Thread.sleep(Math.min(pollInterval.toMillis(), Math.max(1, deadline - now)));
      }
    } finally {
      readers.shutdownNow();
    }
  }

  private void read(ExecutorService readers, List<String> codes, Map<String, Accounting.Row> rows) throws InterruptedException {
    List<Callable<Accounting.Row>> reads = new ArrayList<>();
    for (String code : codes) {
      Accounting.Row before = rows.get(code);
      reads.add(() -> {
        try {
          return new Accounting.Row(code, before.sent(), stats.read(code), null);
        } catch (RuntimeException e) {
          // A stats read that fails (a 5xx, a timeout) is not a verdict: keep the last counts, note why, try again.
          return new Accounting.Row(code, before.sent(), before.counted(), e.getMessage());
        }
      });
    }
    for (Future<Accounting.Row> f : readers.invokeAll(reads)) {
      try {
        Accounting.Row row = f.get();
        rows.put(row.code(), row);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a stats read failed unexpectedly", e.getCause());
      }
    }
  }
}
