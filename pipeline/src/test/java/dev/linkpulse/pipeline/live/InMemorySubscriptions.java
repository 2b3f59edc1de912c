package dev.linkpulse.pipeline.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain model of {@link Subscriptions}: subscriptions by link, each with its expiry, and the set of watched
 * links. {@link #failReads} makes the reads throw, as an unreachable table does. {@link SubscriptionsContract} holds
 * it to the same rules as the DynamoDB adapter.
 */
public final class InMemorySubscriptions implements Subscriptions {
  private record Subscription(Subscriber subscriber, Instant expiresAt) {}

  private final Map<String, Map<String, Subscription>> byCode = new LinkedHashMap<>();
  private final Set<String> live = new HashSet<>();
  private final Clock clock;
  private boolean failReads;

  public InMemorySubscriptions(Clock clock) {
    this.clock = clock;
  }

  /** The connection ids of some subscribers, in order: what most assertions compare. */
  public static List<String> connectionIds(List<Subscriber> subscribers) {
    return subscribers.stream().map(Subscriber::connectionId).toList();
  }

  public synchronized void failReads(boolean fail) {
    this.failReads = fail;
  }

  @Override
  public synchronized void subscribe(String code, Subscriber subscriber, Instant expiresAt) {
    byCode.computeIfAbsent(code, k -> new LinkedHashMap<>()).put(subscriber.connectionId(), new Subscription(subscriber, expiresAt));
    live.add(code);
  }

  @Override
  public synchronized void unsubscribe(String code, String connectionId) {
    Map<String, Subscription> subs = byCode.getOrDefault(code, Map.of());
    if (!subs.isEmpty()) subs.remove(connectionId);
    if (current(code).isEmpty()) live.remove(code);
  }

  @Override
  public synchronized void disconnect(String connectionId) {
    for (String code : List.copyOf(byCode.keySet())) {
      if (byCode.get(code).containsKey(connectionId)) unsubscribe(code, connectionId);
    }
  }

  @Override
  public synchronized List<Subscriber> subscribers(String code) {
    if (failReads) throw new IllegalStateException("the table is unreachable");
    return current(code);
  }

  @Override
  public synchronized Set<String> liveCodes() {
    if (failReads) throw new IllegalStateException("the table is unreachable");
    return Set.copyOf(live);
  }

  private List<Subscriber> current(String code) {
    long now = clock.instant().getEpochSecond();
    List<Subscriber> out = new ArrayList<>();
    byCode.getOrDefault(code, Map.of()).forEach((id, s) -> {
      if (s.expiresAt().getEpochSecond() > now) out.add(s.subscriber());
    });
    return out;
  }
}
