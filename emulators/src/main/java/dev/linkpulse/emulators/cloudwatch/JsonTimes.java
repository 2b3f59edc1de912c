package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.time.Instant;

/**
 * Results carry timestamps as {@link Instant}s; the JSON protocol writes them as epoch seconds (with millisecond
 * fractions), as AWS JSON services do. The Query codec writes the same values in ISO 8601.
 */
final class JsonTimes {
  private JsonTimes() {}

  static JsonNode toJson(JsonNode node) {
    if (node instanceof POJONode p && p.getPojo() instanceof Instant t) return JsonNodeFactory.instance.numberNode(t.toEpochMilli() / 1000.0);
    if (node instanceof ObjectNode o) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      o.fields().forEachRemaining(e -> out.set(e.getKey(), toJson(e.getValue())));
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      a.forEach(item -> out.add(toJson(item)));
      return out;
    }
    return node;
  }
}
