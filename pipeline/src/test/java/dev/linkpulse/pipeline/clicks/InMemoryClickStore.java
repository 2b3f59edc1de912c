package dev.linkpulse.pipeline.clicks;

import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.core.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain model of {@link ClickStore}: one entry per event id, read back in (time, event id) order. Writes of the
 * event ids in {@link #failWritesOf} are refused, as throttled writes are. {@link ClickStoreContract} holds it to the
 * same rules as the DynamoDB adapter.
 */
public final class InMemoryClickStore implements ClickStore {
  private final Map<String, RawClick> clicks = new HashMap<>();
  private final Map<String, Duration> retention = new HashMap<>();
  private final Set<String> refused = new HashSet<>();
  private int writes;

  /** Refuses every later write of these events (until {@link #heal}). */
  public synchronized void failWritesOf(Set<String> eventIds) {
    refused.addAll(eventIds);
  }

  public synchronized void heal() {
    refused.clear();
  }

  /** The distinct clicks stored, by event id. */
  public synchronized Map<String, RawClick> stored() {
    return Map.copyOf(clicks);
  }

  /** How many click writes were attempted and not refused (a rewrite counts again). */
  public synchronized int writes() {
    return writes;
  }

  public synchronized Duration retentionOf(String eventId) {
    return retention.get(eventId);
  }

  @Override
  public synchronized Set<String> putAll(List<RawClick> batch, Duration retention) {
    Set<String> failed = new HashSet<>();
    for (RawClick click : batch) {
      String id = click.event().eventId();
      if (refused.contains(id)) {
        failed.add(id);
        continue;
      }
      clicks.put(id, click);
      this.retention.put(id, retention);
      writes++;
    }
    return failed;
  }

  @Override
  public synchronized Page read(LinkLife life, Instant from, Instant to, String after, int limit) {
    List<String> keys = new ArrayList<>();
    Map<String, RawClick> byKey = new HashMap<>();
    for (RawClick c : clicks.values()) {
      long millis = c.event().time().toEpochMilli();
      if (!c.event().life().equals(life) || millis >= to.toEpochMilli()) continue;
      String key = Keys.clickSort(millis, c.event().eventId());
      if (after != null ? key.compareTo(after) <= 0 : millis < from.toEpochMilli()) continue;
      keys.add(key);
      byKey.put(key, c);
    }
    keys.sort(null);
    boolean more = keys.size() > limit;
    List<String> shown = more ? keys.subList(0, limit) : keys;
    return new Page(shown.stream().map(byKey::get).toList(), more ? shown.get(shown.size() - 1) : null);
  }
}
