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

  private record Bucket(long width, Aggregate aggregate) {}

  /** One metric's data in one unit. */
  private static final class Series {
    final NavigableMap<Long, Bucket> buckets = new TreeMap<>();
    long lastPut = Long.MIN_VALUE;
    /** Far enough in the past that "now - compactedAt" cannot overflow. */
    long compactedAt = Long.MIN_VALUE / 2;
  }

  private final Map<MetricId, Map<String, Series>> metrics = new ConcurrentHashMap<>();

  void put(Datum d) {
    long second = d.timestamp().getEpochSecond();
    long width = d.resolution() == 1 ? 1 : 60;
    long start = Math.floorDiv(second, width) * width;
    Series s = metrics.computeIfAbsent(d.metric(), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(d.unit(), k -> new Series());
    synchronized (s) {
      Bucket b = s.buckets.get(start);
      if (b == null || b.width() < width) {
        Aggregate merged = new Aggregate();
        if (b != null) merged.merge(b.aggregate());
        b = new Bucket(Math.max(width, b == null ? 0 : b.width()), merged);
        s.buckets.put(start, b);
      }
      d.addTo(b.aggregate());
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
    long width = WIDTHS[tier];
    long cutoff = now - KEEP[tier];
    List<Long> old = new ArrayList<>();
    for (Map.Entry<Long, Bucket> e : s.buckets.headMap(cutoff, false).entrySet()) {
      if (e.getValue().width() == width) old.add(e.getKey());
    }
    for (Long start : old) {
      Bucket b = s.buckets.remove(start);
      if (tier + 1 == WIDTHS.length) continue;
      long wider = WIDTHS[tier + 1];
      long target = Math.floorDiv(start, wider) * wider;
      Bucket into = s.buckets.get(target);
      if (into == null || into.width() < wider) {
        Aggregate merged = new Aggregate();
        if (into != null) merged.merge(into.aggregate());
        into = new Bucket(wider, merged);
        s.buckets.put(target, into);
      }
      into.aggregate().merge(b.aggregate());
    }
  }

  /**
   * The data of {@code metric} in {@code [start, end)}, one aggregate per period (keyed by the period's start,
   * {@code start + k * period}); periods without data are absent. A null {@code unit} reads every unit together.
   */
  NavigableMap<Long, Aggregate> aggregate(MetricId metric, String unit, long start, long end, long period, boolean percentiles) {
    NavigableMap<Long, Aggregate> out = new TreeMap<>();
    Map<String, Series> units = metrics.getOrDefault(metric, Map.of());
    for (Map.Entry<String, Series> u : units.entrySet()) {
      if (unit != null && !unit.equals(u.getKey())) continue;
      Series s = u.getValue();
      synchronized (s) {
        for (Map.Entry<Long, Bucket> e : s.buckets.subMap(start, true, end, false).entrySet()) {
          Bucket b = e.getValue();
          if (period % b.width() != 0) continue;
          long slot = start + Math.floorDiv(e.getKey() - start, period) * period;
          out.computeIfAbsent(slot, k -> percentiles ? new Aggregate() : Aggregate.totalsOnly()).merge(b.aggregate());
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
