package dev.linkpulse.pipeline.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.pipeline.clicks.StreamClick;
import dev.linkpulse.pipeline.counters.CounterState;
import dev.linkpulse.pipeline.counters.CounterUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * written and what this batch added. Who hears a link is decided at push time ({@link SubscriberCheck}): a
 * subscription whose link was deleted, or re-created by anyone as a new life of the code, is ended with an
 * {@code unsubscribed} frame; a connection whose token has expired is closed. A browser that went away (the
 * connection is gone) loses its subscriptions; any other failure is retried once, then counted. Nothing here can
 * fail the aggregator's batch: the counts are already safe, and a missed push only means a page catches up on its
 * next one.
 */
public final class LiveFanout {
  private static final Logger LOG = Logger.getLogger(LiveFanout.class.getName());
  static final int TOP_SHOWN = 5;

  /**
   * What one batch's pushes came to: frames pushed, connections found gone, pushes failed, subscriptions ended because
   * their link's life ended, connections closed because their token expired.
   */
  public record Outcome(int pushed, int gone, int failed, int ended, int closed) {
    static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

    public Outcome plus(Outcome o) {
      return new Outcome(pushed + o.pushed, gone + o.gone, failed + o.failed, ended + o.ended, closed + o.closed);
    }
  }

  private final Subscriptions subscriptions;
  private final Connections connections;
  private final LinkStore links;
  private final ExecutorService pool;
  private final Clock clock;

  public LiveFanout(Subscriptions subscriptions, Connections connections, LinkStore links, ExecutorService pool, Clock clock) {
    this.subscriptions = subscriptions;
    this.connections = connections;
    this.links = links;
    this.pool = pool;
    this.clock = clock;
  }

  public Outcome push(List<CounterUpdate> written) {
    if (written.isEmpty()) return Outcome.NONE;
    Set<String> live;
    try {
      live = subscriptions.liveCodes();
    } catch (RuntimeException e) {
      LOG.warning("cannot read the watched links; skipping this batch's pushes: " + e);
      return new Outcome(0, 0, 1, 0, 0);
    }
    Map<String, Map<String, List<CounterUpdate>>> byCode = new LinkedHashMap<>();
    for (CounterUpdate w : written) {
      if (!live.contains(w.state().code())) continue;
      byCode.computeIfAbsent(w.state().code(), k -> new LinkedHashMap<>())
          .computeIfAbsent(w.state().life().incarnation(), k -> new ArrayList<>()).add(w);
    }
    Outcome outcome = Outcome.NONE;
    for (var link : byCode.entrySet()) outcome = outcome.plus(reach(link.getKey(), link.getValue()));
    return outcome;
  }

  /** A link was deleted (its REMOVE came down the table stream): every subscription of the life that ended ends now. */
  public Outcome linkDeleted(String code) {
    return reach(code, Map.of());
  }

  /** Pushes each life's updates to that life's current subscribers; ends or closes the rest. */
  private Outcome reach(String code, Map<String, List<CounterUpdate>> updatesByIncarnation) {
    Map<Subscriber, SubscriberCheck.Verdict> verdicts = new LinkedHashMap<>();
    try {
      SubscriberCheck check = new SubscriberCheck(links, code, clock.instant());
      for (Subscriber s : subscriptions.subscribers(code)) verdicts.put(s, check.of(s));
    } catch (RuntimeException e) {
      LOG.warning("cannot read the subscribers or the link " + code + "; no pushes for it this batch: " + e);
      return new Outcome(0, 0, 1, 0, 0);
    }
    Map<String, byte[]> payloads = new HashMap<>();
    List<Future<Outcome>> sends = new ArrayList<>();
    Outcome outcome = Outcome.NONE;
    for (var entry : verdicts.entrySet()) {
      Subscriber s = entry.getKey();
      switch (entry.getValue()) {
        case TOKEN_EXPIRED -> outcome = outcome.plus(close(s));
        case LINK_ENDED -> outcome = outcome.plus(end(code, s));
        case LISTENING -> {
          List<CounterUpdate> updates = updatesByIncarnation.get(s.incarnation());
          if (updates == null) continue;
          byte[] payload = payloads.computeIfAbsent(s.incarnation(),
              i -> Json.write(payload(code, updates)).getBytes(StandardCharsets.UTF_8));
          sends.add(pool.submit(() -> send(s.connectionId(), payload)));
        }
      }
    }
    for (Future<Outcome> f : sends) {
      try {
        outcome = outcome.plus(f.get());
      } catch (Exception e) {
        outcome = outcome.plus(new Outcome(0, 0, 1, 0, 0));
      }
    }
    return outcome;
  }

  private Outcome send(String connectionId, byte[] payload) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        if (connections.post(connectionId, payload)) return new Outcome(1, 0, 0, 0, 0);
        forget(connectionId);
        return new Outcome(0, 1, 0, 0, 0);
      } catch (RuntimeException e) {
        if (attempt == 1) LOG.warning("push to " + connectionId + " failed twice: " + e);
      }
    }
    return new Outcome(0, 0, 1, 0, 0);
  }

  /** Tells the page its link is gone (best effort), and removes the subscription. */
  private Outcome end(String code, Subscriber s) {
    byte[] frame = Json.write(Json.object().put("type", "unsubscribed").put("code", code).put("reason", "link_deleted"))
        .getBytes(StandardCharsets.UTF_8);
    try {
      connections.post(s.connectionId(), frame);
    } catch (RuntimeException e) {
      LOG.warning("could not tell " + s.connectionId() + " that " + code + " ended: " + e);
    }
    try {
      subscriptions.unsubscribe(code, s.connectionId());
    } catch (RuntimeException e) {
      LOG.warning("could not end the subscription of " + s.connectionId() + " to " + code + ": " + e);
    }
    return new Outcome(0, 0, 0, 1, 0);
  }

  /** The token this connection was opened with has expired: it hears nothing more, and API Gateway closes it. */
  private Outcome close(Subscriber s) {
    try {
      connections.close(s.connectionId());
    } catch (RuntimeException e) {
      LOG.warning("could not close " + s.connectionId() + ", whose token expired: " + e);
    }
    forget(s.connectionId());
    return new Outcome(0, 0, 0, 0, 1);
  }

  private void forget(String connectionId) {
    try {
      subscriptions.disconnect(connectionId);
    } catch (RuntimeException e) {
      LOG.warning("could not remove the subscriptions of connection " + connectionId + ": " + e);
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
    return Map.of("PushesSent", Metrics.count(o.pushed()), "PushesGone", Metrics.count(o.gone()), "PushesFailed", Metrics.count(o.failed()),
        "SubscriptionsEnded", Metrics.count(o.ended()), "ConnectionsClosed", Metrics.count(o.closed()));
  }
}
