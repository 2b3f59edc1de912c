package dev.linkpulse.emulators.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every datapoint put, per metric and unit, in time buckets. High-resolution data lands in 1-second buckets and
 * standard data in 1-minute buckets; as data ages the buckets are merged the way CloudWatch rolls its data up:
 * 1-second data into minutes after 3 hours, minutes into 5 minutes after 15 days, 5 minutes into hours after 63
 * days, and hours are dropped after 455 days. A bucket only answers a query whose period is a multiple of its
 * width, so a 10-second query on day-old data finds nothing, as on AWS.
 */
final class MetricStore {
  private static final long HOUR = 3600;
  private static final long DAY = 86400;
  /** Ages (seconds) after which a bucket of width {@code [i]} is merged into width {@code [i + 1]}. */
  private static final long[] WIDTHS = {1, 60, 300, 3600};
  private static final long[] KEEP = {3 * HOUR, 15 * DAY, 63 * DAY, 455 * DAY};

  /** One metric's data in one unit: one map of buckets per width, so a roll-up only touches its own tier. */
  private static final class Series {
    final NavigableMap<Long, Aggregate>[] tiers = newTiers();
    long lastPut = Long.MIN_VALUE;
    /** Far enough in the past that "now - compactedAt" cannot overflow. */
    long compactedAt = Long.MIN_VALUE / 2;

    @SuppressWarnings("unchecked")
    private static NavigableMap<Long, Aggregate>[] newTiers() {
      NavigableMap<Long, Aggregate>[] t = new NavigableMap[WIDTHS.length];
      for (int i = 0; i < t.length; i++) t[i] = new TreeMap<>();
      return t;
    }
  }

  private final Map<MetricId, Map<String, Series>> metrics = new ConcurrentHashMap<>();

  void put(Datum d) {
    long second = d.timestamp().getEpochSecond();
    int tier = d.resolution() == 1 ? 0 : 1;
    long start = Math.floorDiv(second, WIDTHS[tier]) * WIDTHS[tier];
    Series s = metrics.computeIfAbsent(d.metric(), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(d.unit(), k -> new Series());
    synchronized (s) {
      d.addTo(s.tiers[tier].computeIfAbsent(start, k -> new Aggregate()));
      s.lastPut = Math.max(s.lastPut, second);
    }
  }

  /** Drops and rolls up what is old at {@code now}; cheap when called often (at most once a minute per series). */
  void compact(Instant now) {
    long t = now.getEpochSecond();
    for (Map<String, Series> units : metrics.values()) {
      for (Series s : units.values()) {
        synchronized (s) {
          if (t - s.compactedAt < 60) continue;
          s.compactedAt = t;
          for (int tier = 0; tier < WIDTHS.length; tier++) rollUp(s, tier, t);
        }
      }
    }
  }

  private static void rollUp(Series s, int tier, long now) {
    NavigableMap<Long, Aggregate> old = s.tiers[tier].headMap(now - KEEP[tier], false);
    if (tier + 1 < WIDTHS.length) {
      long wider = WIDTHS[tier + 1];
      old.forEach((start, a) -> s.tiers[tier + 1].computeIfAbsent(Math.floorDiv(start, wider) * wider, k -> new Aggregate()).merge(a));
    }
    old.clear();
  }

  /**
   * The data of {@code metric} in {@code [start, end)}, one aggregate per period (keyed by the period's start,
   * {@code start + k * period}); periods without data are absent. A null {@code unit} reads every unit together.
   * Without {@code percentiles} the value distributions are not merged.
   */
  NavigableMap<Long, Aggregate> aggregate(MetricId metric, String unit, long start, long end, long period, boolean percentiles) {
    NavigableMap<Long, Aggregate> out = new TreeMap<>();
    Map<String, Series> units = metrics.getOrDefault(metric, Map.of());
    for (Map.Entry<String, Series> u : units.entrySet()) {
      if (unit != null && !unit.equals(u.getKey())) continue;
      Series s = u.getValue();
      synchronized (s) {
        for (int tier = 0; tier < WIDTHS.length; tier++) {
          if (period % WIDTHS[tier] != 0) continue;
          long slot = Long.MIN_VALUE;
          Aggregate into = null;
          for (Map.Entry<Long, Aggregate> e : s.tiers[tier].subMap(start, true, end, false).entrySet()) {
            long k = start + Math.floorDiv(e.getKey() - start, period) * period;
            if (k != slot || into == null) {
              slot = k;
              into = out.computeIfAbsent(k, x -> percentiles ? new Aggregate() : Aggregate.totalsOnly());
            }
            into.merge(e.getValue());
          }
        }
      }
    }
    return out;
  }

  /** The unit of the data {@code metric} holds in the range, when it is one unit; null otherwise. */
  String unitOf(MetricId metric, String unit) {
    if (unit != null) return unit;
    Map<String, Series> units = metrics.getOrDefault(metric, Map.of());
    return units.size() == 1 ? units.keySet().iterator().next() : null;
  }

  /** Metrics matching {@code filter} that received data at or after {@code since}, sorted for stable paging. */
  List<MetricId> list(Predicate<MetricId> filter, long since) {
    Map<MetricId, Boolean> found = new LinkedHashMap<>();
    metrics.forEach((id, units) -> {
      if (!filter.test(id)) return;
      for (Series s : units.values()) {
        synchronized (s) {
          if (s.lastPut >= since) found.put(id, true);
        }
      }
    });
    List<MetricId> out = new ArrayList<>(found.keySet());
    out.sort(Comparator.comparing(MetricId::toString));
    return out;
  }
}
