package dev.linkpulse.emulators.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Alarm history, kept two weeks as CloudWatch keeps it; oldest first. */
final class AlarmHistory {
  static final Duration RETENTION = Duration.ofDays(14);

  private final List<HistoryItem> items = new ArrayList<>();

  synchronized void add(HistoryItem item) {
    items.add(item);
    Instant cutoff = item.timestamp().minus(RETENTION);
    items.removeIf(i -> i.timestamp().isBefore(cutoff));
  }

  synchronized List<HistoryItem> find(Predicate<HistoryItem> filter, boolean ascending) {
    List<HistoryItem> out = new ArrayList<>();
    for (HistoryItem i : items) if (filter.test(i)) out.add(i);
    if (!ascending) java.util.Collections.reverse(out);
    return out;
  }
}
