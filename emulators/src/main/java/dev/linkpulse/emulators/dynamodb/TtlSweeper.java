package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.time.Timeline;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time to live (Developer Guide, "Using time to live"): on each sweep of the engine's timeline, an item whose TTL
 * attribute is a Number of epoch seconds at or before now is deleted, and its stream gets a REMOVE record marked as
 * a service deletion ({@code userIdentity} dynamodb.amazonaws.com, type Service). Values more than five years in the
 * past, and values that are not Numbers, are left alone, as DynamoDB does.
 */
final class TtlSweeper implements AutoCloseable {
  static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);
  private final Engine engine;
  private final Duration interval;
  private volatile Timeline.Scheduled next;
  private volatile boolean closed;

  TtlSweeper(Engine engine, Duration interval) {
    this.engine = engine;
    this.interval = interval;
    schedule();
  }

  private void schedule() {
    if (!closed) next = engine.timeline.after(interval, this::sweepAndReschedule);
  }

  private void sweepAndReschedule() {
    try {
      sweep();
    } finally {
      schedule();
    }
  }

  /** Deletes every expired item now; returns how many went. */
  int sweep() {
    return engine.locked(() -> {
      Instant now = engine.now();
      int deleted = 0;
      for (Table t : engine.tables()) {
        String attribute = t.spec.ttlAttribute;
        if (attribute == null) continue;
        List<ObjectNode> expired = new ArrayList<>();
        for (var it = t.items.all(null); it.hasNext(); ) {
          ObjectNode item = it.next();
          if (expired(item.get(attribute), now)) expired.add(item);
        }
        for (ObjectNode item : expired) engine.write(t, t.spec.key.keyOf(item), null, true);
        deleted += expired.size();
      }
      return deleted;
    });
  }

  static boolean expired(JsonNode value, Instant now) {
    if (!"N".equals(Values.type(value))) return false;
    BigDecimal seconds = new BigDecimal(value.get("N").asText());
    BigDecimal nowSeconds = BigDecimal.valueOf(now.getEpochSecond());
    BigDecimal oldest = BigDecimal.valueOf(now.minus(IGNORED_AFTER).getEpochSecond());
    return seconds.compareTo(nowSeconds) <= 0 && seconds.compareTo(oldest) >= 0;
  }

  @Override
  public void close() {
    closed = true;
    Timeline.Scheduled n = next;
    if (n != null) n.cancel();
  }
}
