package dev.linkpulse.emulators.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault for drills: a share of an event's {@code Records} vanish before the handler sees them. The function's
 * answer does not name them, so the event source takes them as processed: what a handler that acknowledges
 * without recording would do. Retries and dead-letter queues cannot catch that loss; only an end-to-end count can.
 * Deterministic: of every run of records, exactly {@code share} of them (rounded down, cumulatively) are lost.
 */
final class RecordLoss {
  private volatile double share;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();

  void set(double share) {
    if (!(share >= 0 && share <= 1)) throw new IllegalArgumentException("the share of records lost must be between 0 and 1, got " + share);
    this.share = share;
  }

  long lost() {
    return lost.get();
  }

  /** The event with its lost records taken out; the event itself when nothing is being lost. */
  String apply(String eventJson) {
    double s = share;
    if (s == 0) return eventJson;
    JsonNode event;
    try {
      event = Json.tree(eventJson);
    } catch (IOException e) {
      return eventJson;
    }
    if (!(event instanceof ObjectNode object) || !(event.get("Records") instanceof ArrayNode records)) return eventJson;
    ArrayNode kept = object.arrayNode();
    for (JsonNode record : records) {
      long n = seen.incrementAndGet();
      // the n-th record is lost when it takes the lost count up to floor(n * share); the epsilon keeps 0.2 * 70 at 14
      if (Math.floor(n * s + 1e-9) > Math.floor((n - 1) * s + 1e-9)) lost.incrementAndGet();
      else kept.add(record);
    }
    object.set("Records", kept);
    return object.toString();
  }
}
