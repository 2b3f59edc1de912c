package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends an execution's history events in GetExecutionHistory's wire shape: {@code id}, {@code previousEventId}
 * (the event before it in the same branch), {@code timestamp} (epoch seconds), {@code type}, and the details
 * member AWS names after the type ({@code taskScheduledEventDetails}, {@code stateEnteredEventDetails}, ...).
 */
final class History {
  /** AWS fails an execution whose history reaches this many events. */
  static final int MAX_EVENTS = 25_000;

  private final ExecutionRecord rec;
  private final List<ObjectNode> unsaved = new ArrayList<>();

  History(ExecutionRecord rec) {
    this.rec = rec;
  }

  ObjectNode add(Frame frame, String type, ObjectNode details, long nowMillis) {
    long id = ++rec.eventCount;
    ObjectNode event = Json.object();
    event.put("id", id);
    long previous = frame != null ? frame.lastEventId : id - 1;
    event.put("previousEventId", previous);
    event.put("timestamp", BigDecimal.valueOf(nowMillis).movePointLeft(3));
    event.put("type", type);
    if (details != null) event.set(detailsMember(type), details);
    if (frame != null) frame.lastEventId = id;
    unsaved.add(event);
    return event;
  }

  boolean full() {
    return rec.eventCount >= MAX_EVENTS;
  }

  List<ObjectNode> takeUnsaved() {
    List<ObjectNode> out = List.copyOf(unsaved);
    unsaved.clear();
    return out;
  }

  static String detailsMember(String type) {
    if (type.endsWith("StateEntered")) return "stateEnteredEventDetails";
    if (type.endsWith("StateExited")) return "stateExitedEventDetails";
    return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
  }

  /** Details with {@code field} as JSON text and {@code <field>Details: {truncated: false}}, as AWS writes payloads. */
  static ObjectNode payload(ObjectNode details, String field, JsonNode value) {
    details.put(field, Json.write(value));
    details.putObject(field + "Details").put("truncated", false);
    return details;
  }

  static ObjectNode named(String name) {
    ObjectNode d = Json.object();
    d.put("name", name);
    return d;
  }

  static ObjectNode error(String error, String cause) {
    ObjectNode d = Json.object();
    if (error != null) d.put("error", error);
    if (cause != null) d.put("cause", cause);
    return d;
  }
}
