package dev.linkpulse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Instant;

/**
 * A function's EMF line moved onto its stack's timeline. The functions stamp {@code _aws.Timestamp} with the wall
 * clock, as they do on Lambda; a stack on a scaled timeline ({@code --speed}) evaluates its alarms on that timeline,
 * where a wall-clock stamp falls in the wrong period (minutes or hours in the past). The stamp is mapped where the
 * timeline was when the wall clock read it ({@link Timeline#fromWallClock}), so lines keep their relative order
 * whatever order they are collected in. A line without a numeric stamp is left for CloudWatch to judge.
 */
final class EmfStamps {
  private EmfStamps() {}

  /** {@code line} (already parsed as {@code node}) with its stamp on {@code timeline}; the line itself when that changes nothing. */
  static String onTimeline(String line, JsonNode node, Timeline timeline) {
    JsonNode aws = node.path("_aws");
    JsonNode stamp = aws.path("Timestamp");
    if (!(aws instanceof ObjectNode) || !stamp.canConvertToLong()) return line;
    long wall = stamp.asLong();
    long moved = timeline.fromWallClock(Instant.ofEpochMilli(wall)).toEpochMilli();
    if (moved == wall) return line;
    ObjectNode copy = (ObjectNode) node.deepCopy();
    ((ObjectNode) copy.get("_aws")).put("Timestamp", moved);
    return Json.write(copy);
  }
}
