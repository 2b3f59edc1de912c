package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.pipeline.analytics.DimensionCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plain model of {@link CounterStore}: snapshots in a map behind one lock. {@code save} is compare-and-set on the
 * version, as the table's condition is, and states are copied in and out, so no caller's state aliases a stored one.
 * {@link CounterStoreContract} holds it to the same rules as the DynamoDB adapter.
 */
public final class InMemoryCounterStore implements CounterStore {
  private record Key(LinkLife life, Instant hour) {}

  private final Map<Key, CounterState> stored = new HashMap<>();

  @Override
  public synchronized CounterState load(LinkLife life, Instant hour) {
    CounterState s = stored.get(new Key(life, hour));
    return s == null ? CounterState.empty(life, hour) : copy(s, s.version);
  }

  @Override
  public synchronized boolean save(CounterState state) {
    Key key = new Key(state.life, state.hour);
    CounterState current = stored.get(key);
    if ((current == null ? 0 : current.version) != state.version) return false;
    stored.put(key, copy(state, state.version + 1));
    return true;
  }

  @Override
  public synchronized List<CounterState> range(LinkLife life, Instant from, Instant to) {
    return stored.values().stream()
        .filter(s -> s.life.equals(life) && s.hour.plus(Duration.ofHours(1)).isAfter(from) && s.hour.isBefore(to))
        .sorted(Comparator.comparing(CounterState::hour)).map(s -> copy(s, s.version)).toList();
  }

  private static CounterState copy(CounterState s, long version) {
    Map<String, DimensionCounts> dims = new LinkedHashMap<>();
    s.dimensions.forEach((name, counts) -> dims.put(name, DimensionCounts.fromMap(counts.toMap(), CounterState.TOP_K)));
    return new CounterState(s.life, s.hour, s.total, s.human, s.bot, s.uniques.copy(), dims, new TreeMap<>(s.watermarks), version);
  }
}
