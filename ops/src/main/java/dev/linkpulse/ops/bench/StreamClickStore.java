package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.pipeline.clicks.ClickStore;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The raw click log of a simulated run, kept in memory: each write is charged by AWS's rules (the larger of the item
 * before and after, per started KB), and a first write of a key is an INSERT on the {@link SimulatedStream}; a
 * rewrite (a duplicate delivery) is a MODIFY, which the aggregator's filter never lets through.
 */
final class StreamClickStore implements ClickStore {
  private final SimulatedStream stream;
  private final List<WriteAccounting.Ledger> ledgers;
  private final LongSupplier nowMillis;
  private final Map<String, Long> sizes = new HashMap<>();

  StreamClickStore(SimulatedStream stream, List<WriteAccounting.Ledger> ledgers, LongSupplier nowMillis) {
    this.stream = stream;
    this.ledgers = ledgers;
    this.nowMillis = nowMillis;
  }

  @Override
  public Set<String> putAll(List<RawClick> clicks, Duration retention) {
    for (RawClick click : clicks) {
      var item = click.toItem(click.event().time().getEpochSecond() + retention.toSeconds());
      String pk = item.get(Keys.PK).s();
      long size = WriteCost.itemSize(item);
      Long before = sizes.put(pk + "|" + item.get(Keys.SK).s(), size);
      int wcu = WriteCost.wcu(Math.max(size, before == null ? 0 : before));
      ledgers.forEach(l -> l.charge(pk, wcu));
      // What the stream's NEW_IMAGE carries, read back as the aggregator reads it.
      if (before == null) stream.insert(pk, RawClick.fromItem(item), nowMillis.getAsLong());
    }
    return Set.of();
  }

  @Override
  public Page read(LinkLife life, Instant from, Instant to, String after, int limit) {
    throw new UnsupportedOperationException("a simulated log is written, not read");
  }
}
