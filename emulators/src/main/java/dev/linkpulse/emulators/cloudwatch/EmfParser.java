package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embedded Metric Format, from AWS's specification: a log event that is one JSON object whose {@code _aws} member
 * holds {@code Timestamp} (epoch milliseconds) and {@code CloudWatchMetrics}, a list of directives, each with a
 * {@code Namespace}, {@code Dimensions} (sets of root member names, at most 30 each) and {@code Metrics} (at most
 * 100, each a {@code Name} with an optional {@code Unit} and {@code StorageResolution} 1 or 60). Every metric is
 * published once per dimension set, with the values of its root member (a number, or up to 100 numbers).
 * Lines that are not EMF (plain text, JSON without {@code _aws}) yield nothing; an EMF line that breaks the
 * specification yields nothing either, and is reported as a parse or validation error.
 */
final class EmfParser {
  static final int MAX_EVENT_BYTES = 1024 * 1024;

  /** An EMF document CloudWatch would not turn into metrics; {@code parsing} for malformed JSON. */
  static final class EmfException extends RuntimeException {
    final boolean parsing;

    EmfException(String message, boolean parsing) {
      super(message, null, false, false);
      this.parsing = parsing;
    }
  }

  private EmfParser() {}

  static List<Datum> parse(String line) {
    String text = line.strip();
    if (!text.startsWith("{")) return List.of();
    JsonNode root;
    try {
      root = StateReasons.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      if (text.contains("\"_aws\"")) throw new EmfException("not one JSON object: " + e.getOriginalMessage(), true);
      return List.of();
    }
    if (root == null || !root.isObject() || !root.has("_aws")) return List.of();
    if (text.length() > MAX_EVENT_BYTES) throw new EmfException("the event is larger than 1 MB", false);
    JsonNode aws = root.get("_aws");
    if (!aws.isObject()) throw invalid("_aws must be an object");
    JsonNode timestamp = aws.get("Timestamp");
    if (timestamp == null || !timestamp.isNumber()) throw invalid("_aws.Timestamp must be a number of milliseconds since the epoch");
    JsonNode directives = aws.get("CloudWatchMetrics");
    if (directives == null || !directives.isArray()) throw invalid("_aws.CloudWatchMetrics must be an array");
    Instant at = Instant.ofEpochMilli(timestamp.asLong());
    List<Datum> out = new ArrayList<>();
    for (JsonNode directive : directives) out.addAll(directive(root, directive, at));
    return out;
  }

  private static List<Datum> directive(JsonNode root, JsonNode d, Instant at) {
    if (!d.isObject()) throw invalid("a MetricDirective must be an object");
    String namespace = text(d.get("Namespace"), "Namespace", 1024);
    JsonNode sets = d.get("Dimensions");
    JsonNode metrics = d.get("Metrics");
    if (sets == null || !sets.isArray()) throw invalid("Dimensions must be an array of dimension sets");
    if (metrics == null || !metrics.isArray()) throw invalid("Metrics must be an array");
    if (metrics.size() > 100) throw invalid("a directive holds at most 100 metrics, not " + metrics.size());
    List<Map<String, String>> dimensionSets = new ArrayList<>();
    for (JsonNode set : sets) dimensionSets.add(dimensionSet(root, set));
    if (dimensionSets.isEmpty()) dimensionSets.add(Map.of());
    List<Datum> out = new ArrayList<>();
    for (JsonNode m : metrics) {
      if (!m.isObject()) throw invalid("a MetricDefinition must be an object");
      String name = text(m.get("Name"), "Metrics[].Name", 1024);
      String unit = m.has("Unit") ? text(m.get("Unit"), "Unit", 64) : "None";
      if (!MetricRequests.UNITS.contains(unit)) throw invalid("Unit " + unit + " of " + name + " is not a CloudWatch unit");
      int resolution = m.has("StorageResolution") ? m.get("StorageResolution").asInt(-1) : 60;
      if (resolution != 1 && resolution != 60) throw invalid("StorageResolution of " + name + " must be 1 or 60");
      double[] values = values(root.get(name), name);
      double[] counts = new double[values.length];
      java.util.Arrays.fill(counts, 1);
      for (Map<String, String> dims : dimensionSets) {
        out.add(new Datum(MetricId.of(namespace, name, dims), at, unit, resolution, values, counts, null));
      }
    }
    return out;
  }

  private static Map<String, String> dimensionSet(JsonNode root, JsonNode set) {
    if (!set.isArray()) throw invalid("a dimension set must be an array of member names");
    if (set.size() > 30) throw invalid("a dimension set holds at most 30 dimensions, not " + set.size());
    Map<String, String> dims = new LinkedHashMap<>();
    for (JsonNode key : set) {
      String name = text(key, "a dimension name", 255);
      JsonNode value = root.get(name);
      if (value == null || !value.isTextual()) throw invalid("dimension " + name + " must be a string member of the root object");
      dims.put(name, text(value, "the value of dimension " + name, 1024));
    }
    return dims;
  }

  private static double[] values(JsonNode member, String name) {
    if (member == null) throw invalid("the root object has no member " + name + " for its metric");
    if (member.isNumber()) return new double[] {member.doubleValue()};
    if (!member.isArray() || member.isEmpty()) throw invalid("metric " + name + " must be a number or an array of numbers");
    if (member.size() > 100) throw invalid("metric " + name + " holds at most 100 values, not " + member.size());
    double[] out = new double[member.size()];
    for (int i = 0; i < out.length; i++) {
      if (!member.get(i).isNumber()) throw invalid("metric " + name + " has a value that is not a number");
      out[i] = member.get(i).doubleValue();
    }
    return out;
  }

  private static String text(JsonNode node, String what, int max) {
    if (node == null || !node.isTextual() || node.asText().isEmpty() || node.asText().length() > max) {
      throw invalid(what + " must be a string of 1 to " + max + " characters");
    }
    return node.asText();
  }

  private static EmfException invalid(String message) {
    return new EmfException(message, false);
  }
}
