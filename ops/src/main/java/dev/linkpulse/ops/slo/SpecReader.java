package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.Severity;
import dev.linkpulse.ops.slo.SloSpec.SpecException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads from the YAML tree of slos.yaml: each takes the path of the entry it reads ({@code at}) and fails with
 * a {@link SpecException} that names the file and that path.
 */
final class SpecReader {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final String source;

  SpecReader(String source) {
    this.source = source;
  }

  /** How a message names the entry at {@code at}: "slos.yaml: slos[1] (redirect-latency)". */
  String where(String at) {
    return source + ": " + at;
  }

  SpecException fail(String message) {
    throw new SpecException(where(message));
  }

  String string(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null || String.valueOf(v).isBlank()) fail(at + "." + key + " is required");
    if (v instanceof Map || v instanceof List) fail(at + "." + key + " must be a single value");
    return String.valueOf(v).strip();
  }

  String id(Map<String, Object> m, String key, String at) {
    String id = string(m, key, at);
    if (!ID.matcher(id).matches() || id.length() > 60) fail(at + "." + key + " must be kebab-case (a-z, 0-9, -), at most 60 characters, got '" + id + "'");
    return id;
  }

  String logicalId(String id, String at) {
    if (!id.matches("[A-Za-z][A-Za-z0-9]*")) fail(at + " must be a template.yaml logical id, got '" + id + "'");
    return id;
  }

  Duration duration(Map<String, Object> m, String key, String at) {
    String text = string(m, key, at);
    Duration d = Durations.parse(text);
    if (d == null) fail(at + "." + key + " must be a duration like 5m, 1h or 3d, got '" + text + "'");
    return d;
  }

  Severity severity(Map<String, Object> m, String at) {
    String s = string(m, "severity", at);
    return switch (s) {
      case "page" -> Severity.PAGE;
      case "ticket" -> Severity.TICKET;
      default -> throw fail(at + ".severity must be page or ticket, got '" + s + "'");
    };
  }

  BigDecimal positive(Map<String, Object> m, String key, String at) {
    BigDecimal d = decimal(m, key, at);
    if (d.signum() <= 0) fail(at + "." + key + " must be positive, got " + d.toPlainString());
    return d;
  }

  BigDecimal decimal(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null) fail(at + "." + key + " is required");
    try {
      return new BigDecimal(String.valueOf(v)).stripTrailingZeros();
    } catch (NumberFormatException e) {
      throw fail(at + "." + key + " must be a number, got '" + v + "'");
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(Object node, String at) {
    if (node instanceof Map<?, ?> m) return (Map<String, Object>) m;
    throw fail(at + " must be a mapping" + (node == null ? " (it is missing)" : ""));
  }

  @SuppressWarnings("unchecked")
  List<Object> list(Object node, String at) {
    if (node instanceof List<?> l) return (List<Object>) l;
    throw fail(at + " must be a list" + (node == null ? " (it is missing)" : ""));
  }

  void allowOnly(Map<String, Object> m, String at, String... keys) {
    Set<String> allowed = Set.of(keys);
    for (String k : m.keySet()) if (!allowed.contains(k)) fail(at + " has an unknown key '" + k + "' (allowed: " + String.join(", ", keys) + ")");
  }
}
