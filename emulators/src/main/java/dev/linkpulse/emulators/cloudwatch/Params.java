package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of one request structure, whichever protocol carried it: the Query codec gives every value as text
 * ({@code "60"}, {@code "true"}, ISO 8601 times), the JSON protocol as numbers, booleans and epoch seconds. A
 * value of the wrong form is a ValidationError naming the parameter by its wire path.
 */
final class Params {
  private final JsonNode node;
  private final String path;

  Params(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static Params root(JsonNode node) {
    return new Params(node, "");
  }

  String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  String string(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  String required(String name) {
    String v = string(name);
    if (v == null) throw CloudWatchErrors.missing(path(name));
    return v;
  }

  /** A string of 1..max characters, when present. */
  String string(String name, int max) {
    String v = string(name);
    if (v != null && (v.isEmpty() || v.length() > max)) {
      throw CloudWatchErrors.validation(constraint(v, name, "Member must have length between 1 and " + max));
    }
    return v;
  }

  Integer integer(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) return null;
    try {
      return new BigDecimal(v.asText()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw CloudWatchErrors.validation(constraint(v.asText(), name, "Member must be an integer"));
    }
  }

  Double number(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) return null;
    if (v.isNumber()) return v.doubleValue();
    try {
      return Double.parseDouble(v.asText());
    } catch (NumberFormatException e) {
      throw CloudWatchErrors.validation(constraint(v.asText(), name, "Member must be a number"));
    }
  }

  Boolean bool(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) return null;
    if (v.isBoolean()) return v.booleanValue();
    String s = v.asText();
    if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
    throw CloudWatchErrors.validation(constraint(s, name, "Member must be true or false"));
  }

  /** Epoch seconds (JSON) or ISO 8601 (Query); fractions of a second are kept. */
  Instant time(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) return null;
    if (v.isNumber()) return Instant.ofEpochMilli(Math.round(v.doubleValue() * 1000));
    String s = v.asText();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.ofEpochMilli(Math.round(Double.parseDouble(s) * 1000));
      } catch (NumberFormatException notNumber) {
        throw CloudWatchErrors.validation(constraint(s, name, "Member must be a timestamp"));
      }
    }
  }

  Params object(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() || !v.isObject() ? null : new Params(v, path(name));
  }

  /** A list member; the Query protocol's empty list ({@code Name=}) and an absent member are both empty. */
  List<Params> list(String name) {
    JsonNode v = node.get(name);
    List<Params> out = new ArrayList<>();
    if (v == null || !v.isArray()) return out;
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (item == null || item.isNull()) throw CloudWatchErrors.validation("The list " + path(name) + " has no member " + (i + 1));
      out.add(new Params(item, path(name) + ".member." + (i + 1)));
    }
    return out;
  }

  List<String> strings(String name) {
    JsonNode v = node.get(name);
    List<String> out = new ArrayList<>();
    if (v == null || !v.isArray()) return out;
    for (JsonNode item : v) {
      if (item == null || item.isNull()) throw CloudWatchErrors.validation("The list " + path(name) + " has an empty member");
      out.add(item.asText());
    }
    return out;
  }

  /** CloudWatch's wording for a broken constraint. */
  String constraint(Object value, String name, String rule) {
    return "1 validation error detected: Value '" + value + "' at '" + path(name) + "' failed to satisfy constraint: " + rule;
  }
}
