package dev.linkpulse.pipeline.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.pipeline.analytics.DimensionCounts;
import dev.linkpulse.pipeline.analytics.UniqueSketch;
import dev.linkpulse.pipeline.counters.CounterState;
import dev.linkpulse.pipeline.counters.CounterStore;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A link's statistics over a range, from its hourly counters. Owner only: anyone else sees a missing link. */
public final class StatsService {
  static final int TOP_SHOWN = 10;
  private static final Map<String, String> TOP_NAMES = Map.of("country", "countries", "referrer", "referrers",
      "browser", "browsers", "os", "os", "device", "devices", "source", "sources");

  private final LinkStore links;
  private final CounterStore counters;

  public StatsService(LinkStore links, CounterStore counters) {
    this.links = links;
    this.counters = counters;
  }

  public ObjectNode stats(String owner, String code, StatsQuery q) {
    var link = links.findOwned(owner, code).orElseThrow(ApiException::notFound);
    // The current life's counters only: a code deleted and created again shows nothing of its earlier owner.
    List<CounterState> hours = counters.range(link.life(), q.firstHour(), q.to());
    long total = 0, human = 0, bot = 0;
    UniqueSketch uniques = UniqueSketch.empty();
    Map<String, DimensionCounts> dims = new LinkedHashMap<>();
    CounterState.DIMENSIONS.forEach(d -> dims.put(d, new DimensionCounts(CounterState.TOP_K)));
    TreeMap<Instant, long[]> series = emptySeries(q);
    for (CounterState h : hours) {
      total += h.total();
      human += h.human();
      bot += h.bot();
      uniques.merge(h.uniques());
      h.dimensions().forEach((name, counts) -> dims.get(name).merge(counts));
      var slot = series.floorEntry(bucketStart(h.hour(), q));
      long[] bucket = (slot == null ? series.firstEntry() : slot).getValue();
      bucket[0] += h.total();
      bucket[1] += h.human();
    }
    ObjectNode out = Json.object();
    out.put("code", code).put("from", q.from().toString()).put("to", q.to().toString())
        .put("interval", q.interval().name().toLowerCase()).put("tz", q.tz().getId())
        .put("total", total).put("human", human).put("bot", bot).put("uniques", uniques.estimate());
    ArrayNode s = out.putArray("series");
    series.forEach((start, v) -> s.addObject().put("start", ZonedDateTime.ofInstant(start, q.tz()).toOffsetDateTime().toString())
        .put("total", v[0]).put("human", v[1]));
    ObjectNode top = out.putObject("top");
    dims.forEach((name, counts) -> {
      ArrayNode list = top.putArray(TOP_NAMES.get(name));
      long shownOther = counts.other();
      int shown = 0;
      for (var e : counts.top().entrySet()) {
        if (shown++ < TOP_SHOWN) list.addObject().put("value", e.getKey()).put("count", e.getValue());
        else shownOther += e.getValue();
      }
      if (shownOther > 0) list.addObject().put("other", true).put("count", shownOther);
    });
    return out;
  }

  /** Every bucket of the range, zero-filled, keyed by its start instant. */
  private static TreeMap<Instant, long[]> emptySeries(StatsQuery q) {
    TreeMap<Instant, long[]> series = new TreeMap<>();
    Instant start = bucketStart(q.from(), q);
    for (Instant t = start; t.isBefore(q.to()); t = next(t, q)) series.put(t, new long[2]);
    if (series.isEmpty()) series.put(start, new long[2]);
    return series;
  }

  /**
   * The bucket an hour belongs to. Counters are UTC hours, so in a zone with a half-hour offset an hour is
   * assigned to the local day it starts in.
   */
  static Instant bucketStart(Instant t, StatsQuery q) {
    ZonedDateTime local = ZonedDateTime.ofInstant(t, q.tz());
    return (q.interval() == StatsQuery.Interval.HOUR ? local.truncatedTo(ChronoUnit.HOURS) : local.truncatedTo(ChronoUnit.DAYS)).toInstant();
  }

  private static Instant next(Instant t, StatsQuery q) {
    ZonedDateTime local = ZonedDateTime.ofInstant(t, q.tz());
    return (q.interval() == StatsQuery.Interval.HOUR ? local.plusHours(1) : local.plusDays(1)).toInstant();
  }
}
