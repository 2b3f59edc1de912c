package dev.linkpulse.pipeline.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts for one dimension (country, referrer host, browser...) bounded to {@code k} named values plus an "other"
 * bucket, so that a stored item stays small however many distinct referrers a viral link collects.
 *
 * <p><b>Mutable accumulator, not thread-safe</b> ({@link #add} and {@link #merge} change this instance and return it
 * for chaining), for the same reason as {@link UniqueSketch}: the aggregator folds many clicks into one value.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>{@link #total} is always exactly the sum of everything added: evicted values move to {@link #other}, never
 *       away.
 *   <li>A named count never exceeds the value's true count (a value evicted and seen again restarts from zero and
 *       its earlier clicks stay in "other").
 *   <li>With at most {@code k} distinct values everything is exact, so the result does not depend on the order of
 *       adds or on how the input was split into merged parts.
 *   <li>With more than {@code k} distinct values, which values survive can depend on arrival order (true of any
 *       bounded summary), but the outcome is a deterministic function of the operations: ties are broken by value,
 *       never by hash-map iteration order.
 * </ul>
 *
 * <p>Eviction keeps the first {@code k} values of {@link #top} order (count descending, then value ascending) and
 * folds the rest into "other".
 *
 * <p>The "other" bucket is a separate field, so a real value spelled {@code "other"} is just a named value. In the
 * stored map ({@link #toMap}) the bucket is the reserved key {@value #OTHER_KEY}; to keep that key free, any value
 * starting with {@code '~'} is stored with one more {@code '~'} in front ({@code "~other"} becomes {@code
 * "~~other"}), and {@link #fromMap} undoes it.
 */
public final class DimensionCounts {
  public static final String OTHER_KEY = "~other";
  private static final String ESCAPE = "~";

  /** The order of {@link #top}; its tail is what gets evicted. */
  private static final Comparator<Map.Entry<String, Long>> TOP_ORDER =
      Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());

  private final int k;
  private final Map<String, Long> named = new HashMap<>();
  private long other;
  private long total;

  public DimensionCounts(int k) {
    if (k < 1) throw new IllegalArgumentException("k must be at least 1, was " + k);
    this.k = k;
  }

  public int k() {
    return k;
  }

  /**
   * Adds {@code n} occurrences of {@code value}; mutates and returns this. Callers normalise missing values (e.g. to
   * "unknown") first: null is rejected because silently counting it under some name would hide a bug upstream.
   */
  public DimensionCounts add(String value, long n) {
    Objects.requireNonNull(value, "value");
    if (n < 0) throw new IllegalArgumentException("count must not be negative, was " + n);
    if (n == 0) return this;
    total = Math.addExact(total, n);
    named.merge(value, n, Math::addExact);
    if (named.size() > k) trim();
    return this;
  }

  /** Adds all of {@code other}'s counts (including its "other" bucket) into this; mutates and returns this. */
  public DimensionCounts merge(DimensionCounts other) {
    // A snapshot keeps a.merge(a) well-defined (it doubles a) instead of iterating a map while changing it.
    Map<String, Long> theirs = other == this ? Map.copyOf(named) : other.named;
    long theirOther = other.other;
    total = Math.addExact(total, other.total);
    this.other = Math.addExact(this.other, theirOther);
    theirs.forEach((value, n) -> named.merge(value, n, Math::addExact));
    if (named.size() > k) trim();
    return this;
  }

  private void trim() {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(named.entrySet());
    entries.sort(TOP_ORDER);
    for (Map.Entry<String, Long> evicted : entries.subList(k, entries.size())) {
      other += evicted.getValue();
      named.remove(evicted.getKey());
    }
  }

  /** Named values by count descending, ties by value ascending; unmodifiable. */
  public Map<String, Long> top() {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(named.entrySet());
    entries.sort(TOP_ORDER);
    Map<String, Long> result = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : entries) result.put(e.getKey(), e.getValue());
    return Collections.unmodifiableMap(result);
  }

  public long other() {
    return other;
  }

  public long total() {
    return total;
  }

  /**
   * Storage form: escaped named values in {@link #top} order, plus {@value #OTHER_KEY} when the bucket is non-zero.
   */
  public Map<String, Long> toMap() {
    Map<String, Long> result = new LinkedHashMap<>();
    top().forEach((value, n) -> result.put(value.startsWith(ESCAPE) ? ESCAPE + value : value, n));
    if (other > 0) result.put(OTHER_KEY, other);
    return result;
  }

  /**
   * Reads {@link #toMap} output. A map with more than {@code k} named values (say, stored before k was lowered) is
   * trimmed rather than rejected, so changing k never breaks reading old items. Null or negative counts and unknown
   * reserved keys ({@code "~..."} other than {@value #OTHER_KEY} and escaped values) are rejected with {@link
   * IllegalArgumentException}.
   */
  public static DimensionCounts fromMap(Map<String, Long> map, int k) {
    if (map == null) throw new IllegalArgumentException("map must not be null");
    DimensionCounts counts = new DimensionCounts(k);
    for (Map.Entry<String, Long> e : map.entrySet()) {
      String key = e.getKey();
      Long n = e.getValue();
      if (key == null || n == null) throw new IllegalArgumentException("null key or count in " + map);
      if (n < 0) throw new IllegalArgumentException("negative count for " + key + ": " + n);
      if (key.equals(OTHER_KEY)) {
        counts.other = Math.addExact(counts.other, n);
        counts.total = Math.addExact(counts.total, n);
      } else if (key.startsWith(ESCAPE + ESCAPE)) {
        counts.add(key.substring(1), n);
      } else if (key.startsWith(ESCAPE)) {
        throw new IllegalArgumentException("unknown reserved key " + key);
      } else {
        counts.add(key, n);
      }
    }
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DimensionCounts that
        && k == that.k
        && other == that.other
        && total == that.total
        && named.equals(that.named);
  }

  @Override
  public int hashCode() {
    return Objects.hash(k, named, other, total);
  }

  @Override
  public String toString() {
    return "DimensionCounts[k=" + k + ", top=" + top() + ", other=" + other + ", total=" + total + "]";
  }
}
