package dev.linkpulse.pipeline.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.pipeline.clicks.StreamClick;
import dev.linkpulse.pipeline.counters.CounterState;
import dev.linkpulse.pipeline.counters.CounterUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * After a batch, one push per watched link (never one per click) to each of its subscribers: the hour counter just
 * written and what this batch added. A browser that went away (the connection is gone) loses its subscriptions; any
 * other failure is retried once, then counted. Nothing here can fail the aggregator's batch: the counts are
 * already safe, and a missed push only means a page catches up on its next one.
 */
public final class LiveFanout {
  private static final Logger LOG = Logger.getLogger(LiveFanout.class.getName());
  static final int TOP_SHOWN = 5;

  /** What one batch's pushes came to. */
  public record Outcome(int pushed, int gone, int failed) {}

  private final Subscriptions subscriptions;
  private final Connections connections;
  private final ExecutorService pool;
  private final Clock clock;

  public LiveFanout(Subscriptions subscriptions, Connections connections, ExecutorService pool, Clock clock) {
    this.subscriptions = subscriptions;
    this.connections = connections;
    this.pool = pool;
    this.clock = clock;
  }

  public Outcome push(List<CounterUpdate> written) {
    if (written.isEmpty()) return new Outcome(0, 0, 0);
    Set<String> live;
    try {
      live = subscriptions.liveCodes();
    } catch (RuntimeException e) {
      LOG.warning("cannot read the watched links; skipping this batch's pushes: " + e);
      return new Outcome(0, 0, 1);
    }
    Map<String, List<CounterUpdate>> byLink = new LinkedHashMap<>();
    for (CounterUpdate w : written) {
      if (live.contains(w.state().code())) byLink.computeIfAbsent(w.state().code(), k -> new ArrayList<>()).add(w);
    }
    List<Future<int[]>> sends = new ArrayList<>();
    for (var link : byLink.entrySet()) {
      List<String> subscribers;
      try {
        subscribers = subscriptions.subscribers(link.getKey());
      } catch (RuntimeException e) {
        LOG.warning("cannot read subscribers of " + link.getKey() + ": " + e);
        continue;
      }
      if (subscribers.isEmpty()) continue;
      byte[] payload = Json.write(payload(link.getKey(), link.getValue())).getBytes(StandardCharsets.UTF_8);
      for (String connectionId : subscribers) sends.add(pool.submit(() -> send(connectionId, payload)));
    }
    int pushed = 0, gone = 0, failed = 0;
    for (Future<int[]> f : sends) {
      try {
        int[] r = f.get();
        pushed += r[0];
        gone += r[1];
        failed += r[2];
      } catch (Exception e) {
        failed++;
      }
    }
    return new Outcome(pushed, gone, failed);
  }

  /** {pushed, gone, failed} for one connection. */
  private int[] send(String connectionId, byte[] payload) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        if (connections.post(connectionId, payload)) return new int[] {1, 0, 0};
        forget(connectionId);
        return new int[] {0, 1, 0};
      } catch (RuntimeException e) {
        if (attempt == 1) LOG.warning("push to " + connectionId + " failed twice: " + e);
      }
    }
    return new int[] {0, 0, 1};
  }

  private void forget(String connectionId) {
    try {
      subscriptions.disconnect(connectionId);
    } catch (RuntimeException e) {
      LOG.warning("could not remove the subscriptions of gone connection " + connectionId + ": " + e);
    }
  }

  /** The latest hour's counter, what this batch added to the link, and this batch's clicks per minute. */
  ObjectNode payload(String code, List<CounterUpdate> writes) {
    CounterState latest = writes.stream().map(CounterUpdate::state).max(Comparator.comparing(CounterState::hour)).orElseThrow();
    long total = 0, human = 0;
    TreeMap<Instant, long[]> minutes = new TreeMap<>();
    for (CounterUpdate w : writes) {
      for (StreamClick c : w.applied()) {
        total++;
        boolean isHuman = !c.click().bot();
        if (isHuman) human++;
        long[] m = minutes.computeIfAbsent(c.click().event().time().truncatedTo(ChronoUnit.MINUTES), k -> new long[2]);
        m[0]++;
        if (isHuman) m[1]++;
      }
    }
    ObjectNode p = Json.object();
    p.put("type", "clicks").put("code", code).put("at", clock.instant().toString()).put("hour", latest.hour().toString())
        .put("total", latest.total()).put("human", latest.human()).put("bot", latest.bot()).put("uniques", latest.uniques().estimate());
    p.putObject("delta").put("total", total).put("human", human).put("bot", total - human);
    ArrayNode mins = p.putArray("minutes");
    minutes.forEach((t, v) -> mins.addObject().put("minute", t.toString()).put("total", v[0]).put("human", v[1]));
    ObjectNode top = p.putObject("top");
    Map<String, String> names = Map.of("country", "countries", "referrer", "referrers", "browser", "browsers");
    names.forEach((dim, name) -> {
      ArrayNode list = top.putArray(name);
      latest.dimensions().get(dim).top().entrySet().stream().limit(TOP_SHOWN)
          .forEach(e -> list.addObject().put("value", e.getKey()).put("count", e.getValue()));
    });
    return p;
  }

  /** Metrics of one batch's pushes. */
  public static Map<String, Metrics.Value> metrics(Outcome o) {
    return Map.of("PushesSent", Metrics.count(o.pushed()), "PushesGone", Metrics.count(o.gone()), "PushesFailed", Metrics.count(o.failed()));
  }
}
