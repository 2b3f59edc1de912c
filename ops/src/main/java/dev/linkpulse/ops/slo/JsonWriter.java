package dev.linkpulse.ops.slo;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Deterministic, review-friendly JSON: objects one key per line, arrays on one line when they fit (a CloudWatch
 * metric row reads best as {@code ["Linkpulse", "Requests", "Service", "redirect", {"stat": "Sum"}]}).
 */
final class JsonWriter {
  private static final int LINE = 150;

  private JsonWriter() {}

  static String write(Object root) {
    StringBuilder out = new StringBuilder();
    value(root, 0, out);
    return out.append('\n').toString();
  }

  private static void value(Object v, int indent, StringBuilder out) {
    String inline = inline(v);
    if (inline != null && indent + inline.length() <= LINE) {
      out.append(inline);
      return;
    }
    if (v instanceof Map<?, ?> m) {
      out.append("{\n");
      int i = 0;
      for (var e : m.entrySet()) {
        out.append(" ".repeat(indent + 2)).append(string(String.valueOf(e.getKey()))).append(": ");
        value(e.getValue(), indent + 2, out);
        out.append(++i < m.size() ? ",\n" : "\n");
      }
      out.append(" ".repeat(indent)).append('}');
    } else if (v instanceof List<?> l) {
      out.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        out.append(" ".repeat(indent + 2));
        value(l.get(i), indent + 2, out);
        out.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      out.append(" ".repeat(indent)).append(']');
    } else {
      out.append(scalar(v));
    }
  }

  /** One-line form for scalars, arrays and small objects; null for objects holding arrays or objects. */
  private static String inline(Object v) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) return "{}";
      StringBuilder b = new StringBuilder("{");
      for (var e : m.entrySet()) {
        if (e.getValue() instanceof Map || e.getValue() instanceof List) return null;
        if (b.length() > 1) b.append(", ");
        b.append(string(String.valueOf(e.getKey()))).append(": ").append(scalar(e.getValue()));
      }
      return b.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (Object item : l) {
        String s = item instanceof Map || item instanceof List ? inline(item) : scalar(item);
        if (s == null || (item instanceof List)) return null;
        if (b.length() > 1) b.append(", ");
        b.append(s);
      }
      return b.append(']').toString();
    }
    return scalar(v);
  }

  private static String scalar(Object v) {
    if (v == null) return "null";
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long) return String.valueOf(v);
    if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
    return string(String.valueOf(v));
  }

  private static String string(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
