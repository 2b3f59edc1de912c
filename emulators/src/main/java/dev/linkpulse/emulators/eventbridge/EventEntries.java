package dev.linkpulse.emulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A PutEvents entry: AWS's validation of it, its size as EventBridge counts it, and the envelope targets receive. */
final class EventEntries {
  private EventEntries() {}

  /** The AWS error code and message for an invalid entry ("code|message"), or null when it is valid. */
  static String invalid(JsonNode entry) {
    if (!entry.isObject()) return "InvalidArgument|Parameter Entry is not valid. Reason: an entry must be an object.";
    if (text(entry, "Source") == null) return "InvalidArgument|Parameter Source is not valid. Reason: Source is a required argument.";
    if (text(entry, "DetailType") == null) return "InvalidArgument|Parameter DetailType is not valid. Reason: DetailType is a required argument.";
    String detail = text(entry, "Detail");
    if (detail == null) return "InvalidArgument|Parameter Detail is not valid. Reason: Detail is a required argument.";
    try {
      if (!Json.tree(detail).isObject()) return "MalformedDetail|Detail is malformed.";
    } catch (IOException e) {
      return "MalformedDetail|Detail is malformed.";
    }
    JsonNode time = entry.get("Time");
    if (time != null && !time.isNull() && parseTime(time) == null) {
      return "InvalidArgument|Parameter Time is not valid. Reason: Time is not a valid timestamp.";
    }
    return null;
  }

  /** The event as EventBridge delivers it to a target. */
  static ObjectNode envelope(JsonNode entry, String id, Instant now) {
    ObjectNode event = Json.object();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", text(entry, "DetailType"));
    event.put("source", text(entry, "Source"));
    event.put("account", AwsAccount.ACCOUNT_ID);
    JsonNode time = entry.get("Time");
    Instant at = time == null || time.isNull() ? now : parseTime(time);
    event.put("time", DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)));
    event.put("region", AwsAccount.REGION);
    ArrayNode resources = event.putArray("resources");
    entry.path("Resources").forEach(r -> resources.add(r.asText()));
    try {
      event.set("detail", Json.tree(text(entry, "Detail")));
    } catch (IOException e) {
      throw new IllegalStateException("detail was validated", e);
    }
    return event;
  }

  /** EventBridge's entry size: Time counts 14 bytes, then Source, DetailType, Detail and Resources in UTF-8. */
  static long size(JsonNode entry) {
    long size = 0;
    if (entry.hasNonNull("Time")) size += 14;
    for (String field : List.of("Source", "DetailType", "Detail")) {
      String v = text(entry, field);
      if (v != null) size += v.getBytes(StandardCharsets.UTF_8).length;
    }
    for (JsonNode r : entry.path("Resources")) size += r.asText().getBytes(StandardCharsets.UTF_8).length;
    return size;
  }

  /** The SDK sends timestamps as epoch seconds (with a fraction); other clients may send ISO-8601 text. */
  private static Instant parseTime(JsonNode time) {
    try {
      if (time.isNumber()) {
        BigDecimal seconds = time.decimalValue();
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
      }
      String text = time.asText();
      if (text.matches("\\d+(\\.\\d+)?")) return parseTime(Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(text)));
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A non-empty text field of an entry, or null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || !v.isValueNode()) return null;
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }
}
