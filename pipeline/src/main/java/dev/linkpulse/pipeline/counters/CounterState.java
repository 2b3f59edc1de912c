package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.Hashing;
import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.pipeline.analytics.DimensionCounts;
import dev.linkpulse.pipeline.analytics.UniqueSketch;
import dev.linkpulse.pipeline.clicks.RawClick;
import dev.linkpulse.pipeline.clicks.StreamClick;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One (link life, UTC hour) counter: totals, a unique-visitor sketch, top dimensions, and per raw-click partition the
 * highest stream sequence number already folded in (the watermark). {@link #apply} folds only records above their
 * partition's watermark, so applying a batch twice, or a batch that overlaps one already applied (a retried,
 * bisected or larger batch), counts every click exactly once.
 *
 * <p>Dimensions and uniques describe human clicks; bots are counted in {@code bot} only, so a crawler storm does not
 * reshape the referrer chart.
 */
public final class CounterState {
  public static final int TOP_K = 20;
  public static final List<String> DIMENSIONS = List.of("country", "referrer", "browser", "os", "device", "source");

  final LinkLife life;
  final Instant hour;
  long total;
  long human;
  long bot;
  final UniqueSketch uniques;
  final Map<String, DimensionCounts> dimensions;
  final Map<String, BigInteger> watermarks;
  /** Optimistic-lock version; 0 for a counter not yet stored. */
  final long version;

  CounterState(LinkLife life, Instant hour, long total, long human, long bot, UniqueSketch uniques,
      Map<String, DimensionCounts> dimensions, Map<String, BigInteger> watermarks, long version) {
    this.life = life;
    this.hour = hour;
    this.total = total;
    this.human = human;
    this.bot = bot;
    this.uniques = uniques;
    this.dimensions = dimensions;
    this.watermarks = watermarks;
    this.version = version;
  }

  static CounterState empty(LinkLife life, Instant hour) {
    Map<String, DimensionCounts> dims = new LinkedHashMap<>();
    DIMENSIONS.forEach(d -> dims.put(d, new DimensionCounts(TOP_K)));
    return new CounterState(life, hour, 0, 0, 0, UniqueSketch.empty(), dims, new TreeMap<>(), 0);
  }

  /** Folds the records above their partition's watermark; returns those folded (none: nothing to write). */
  List<StreamClick> apply(List<StreamClick> records) {
    List<StreamClick> applied = new java.util.ArrayList<>();
    for (StreamClick r : records) {
      BigInteger mark = watermarks.get(r.partition());
      if (mark != null && r.sequence().compareTo(mark) <= 0) continue;
      fold(r.click());
      watermarks.put(r.partition(), r.sequence());
      applied.add(r);
    }
    return applied;
  }

  private void fold(RawClick click) {
    total++;
    if (click.bot()) {
      bot++;
      return;
    }
    human++;
    uniques.add(Hashing.hash64(click.event().visitor()));
    dimensions.get("country").add(click.event().country(), 1);
    dimensions.get("referrer").add(click.event().referrerHost(), 1);
    dimensions.get("browser").add(click.browser(), 1);
    dimensions.get("os").add(click.os(), 1);
    dimensions.get("device").add(click.device(), 1);
    dimensions.get("source").add(click.event().source(), 1);
  }

  /** The highest stream sequence folded from {@code partition}, or null if none was. */
  public BigInteger watermark(String partition) {
    return watermarks.get(partition);
  }

  public String code() { return life.code(); }
  public LinkLife life() { return life; }
  public Instant hour() { return hour; }
  public long total() { return total; }
  public long human() { return human; }
  public long bot() { return bot; }
  public UniqueSketch uniques() { return uniques; }
  public Map<String, DimensionCounts> dimensions() { return dimensions; }
}
