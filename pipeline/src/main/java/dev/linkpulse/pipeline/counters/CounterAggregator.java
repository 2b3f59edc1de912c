package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.pipeline.clicks.StreamClick;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Folds a stream batch into counter items: one read and at most one conditional write per (link life, hour) per batch,
 * however many clicks the batch holds for it. A counter that fails is reported by its lowest sequence number; the
 * event-source mapping then redelivers from there, and counters already written skip the replayed records by
 * their watermarks.
 */
public final class CounterAggregator {
  private static final Logger LOG = Logger.getLogger(CounterAggregator.class.getName());
  /** Concurrent writers to one counter are other shards' pollers; a handful of rounds settles any race. */
  static final int OPTIMISTIC_ROUNDS = 8;

  /** A counter's key: the life of the link a click belongs to (never only its code), and the hour. */
  public record CounterKey(LinkLife life, Instant hour) {}

  /** The batch's result: counters written, clicks folded, and the sequence to redeliver from if anything failed. */
  public record Result(List<CounterUpdate> written, int clicksFolded, int recordsSkipped, Optional<String> retryFrom) {}

  private final CounterStore store;

  public CounterAggregator(CounterStore store) {
    this.store = store;
  }

  public Result aggregate(List<StreamClick> records) {
    Map<CounterKey, List<StreamClick>> byCounter = new LinkedHashMap<>();
    for (StreamClick r : records) {
      Instant hour = r.click().event().time().truncatedTo(ChronoUnit.HOURS);
      byCounter.computeIfAbsent(new CounterKey(r.click().event().life(), hour), k -> new ArrayList<>()).add(r);
    }
    List<CounterUpdate> written = new ArrayList<>();
    StreamClick retryFrom = null;
    int folded = 0;
    for (var entry : byCounter.entrySet()) {
      List<StreamClick> group = entry.getValue();
      group.sort(Comparator.comparing(StreamClick::sequence));
      try {
        Applied applied = applyOnce(entry.getKey(), group);
        if (!applied.clicks().isEmpty()) {
          written.add(new CounterUpdate(applied.state(), applied.clicks()));
          folded += applied.clicks().size();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "counter " + entry.getKey() + " failed; the batch will be redelivered from it", e);
        StreamClick first = group.get(0);
        if (retryFrom == null || first.sequence().compareTo(retryFrom.sequence()) < 0) retryFrom = first;
      }
    }
    return new Result(written, folded, records.size() - folded, Optional.ofNullable(retryFrom).map(StreamClick::sequenceNumber));
  }

  private record Applied(CounterState state, List<StreamClick> clicks) {}

  private Applied applyOnce(CounterKey key, List<StreamClick> group) {
    for (int round = 0; round < OPTIMISTIC_ROUNDS; round++) {
      CounterState state = store.load(key.life(), key.hour());
      List<StreamClick> applied = state.apply(group);
      if (applied.isEmpty() || store.save(state)) return new Applied(state, applied);
    }
    throw new IllegalStateException("counter " + key + " kept changing under " + OPTIMISTIC_ROUNDS + " attempts");
  }
}
