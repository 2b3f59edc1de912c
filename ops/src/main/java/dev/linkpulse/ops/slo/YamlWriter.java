package dev.linkpulse.ops.slo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small, deterministic YAML writer for CloudFormation templates: block mappings and sequences, short intrinsic
 * tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}), flow style for short all-scalar mappings, literal blocks for
 * multi-line strings. The same tree always gives the same bytes. snakeyaml cannot emit the short tags; this can, and
 * {@code dev.linkpulse.template.CfnYaml} reads the result back.
 */
final class YamlWriter {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_./-]*");
  private static final Pattern BLOCK_PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 _./:(),;+=<>-]*");
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");
  private static final int FLOW_LIMIT = 110;

  private final StringBuilder out = new StringBuilder();

  static String write(Map<String, Object> root) {
    YamlWriter w = new YamlWriter();
    w.mapping(root, 0);
    return w.out.toString();
  }

  private void mapping(Map<?, ?> map, int indent) {
    for (var e : map.entrySet()) {
      if (e.getValue() instanceof Cfn.Comment c) {
        c.text().lines().forEach(line -> pad(indent).append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        continue;
      }
      pad(indent).append(key(String.valueOf(e.getKey()))).append(':');
      value(e.getValue(), indent);
    }
  }

  private void value(Object v, int indent) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      String flow = flow(m);
      if (flow != null && indent + flow.length() < FLOW_LIMIT) {
        out.append(' ').append(flow).append('\n');
      } else {
        out.append('\n');
        mapping(m, indent + 2);
      }
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      String flow = flowList(l);
      if (flow != null && indent + flow.length() < FLOW_LIMIT) {
        out.append(' ').append(flow).append('\n');
        return;
      }
      out.append('\n');
      for (Object item : l) {
        pad(indent + 2).append('-');
        String itemFlow = item instanceof Map<?, ?> m0 && !m0.isEmpty() ? flow(m0) : null;
        boolean fits = itemFlow != null && indent + 4 + itemFlow.length() < FLOW_LIMIT;
        if (item instanceof Map<?, ?> m && !m.isEmpty() && !fits) {
          // "- key: value", the rest of the mapping aligned under the first key
          out.append(' ');
          boolean first = true;
          for (var e : m.entrySet()) {
            if (!first) pad(indent + 4);
            first = false;
            out.append(key(String.valueOf(e.getKey()))).append(':');
            value(e.getValue(), indent + 4);
          }
        } else {
          value(item, indent + 2);
        }
      }
    } else if (v instanceof String s && s.contains("\n")) {
      block("", s, indent);
    } else if (v instanceof Cfn.Sub sub && sub.text().contains("\n")) {
      block("!Sub ", sub.text(), indent);
    } else {
      out.append(' ').append(v instanceof String str ? blockString(str) : scalar(v)).append('\n');
    }
  }

  /** Strings outside flow collections may also be plain with spaces, colons and punctuation, when unambiguous. */
  private static String blockString(String s) {
    boolean plain = BLOCK_PLAIN.matcher(s).matches() && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
        && !s.endsWith(" ") && !RESERVED.contains(s.toLowerCase());
    return plain ? s : string(s);
  }

  private void block(String tag, String text, int indent) {
    out.append(' ').append(tag).append(text.endsWith("\n") ? "|" : "|-").append('\n');
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      if (line.isEmpty()) out.append('\n');
      else pad(indent + 2).append(line).append('\n');
    }
  }

  /** The one-line flow form of a mapping whose values are all scalars, or null. */
  private static String flow(Map<?, ?> m) {
    StringBuilder b = new StringBuilder("{");
    for (var e : m.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map || v instanceof List || v instanceof Cfn.Comment) return null;
      if (v instanceof String s && s.contains("\n")) return null;
      if (v instanceof Cfn.Sub s && s.text().contains("\n")) return null;
      if (b.length() > 1) b.append(", ");
      b.append(key(String.valueOf(e.getKey()))).append(": ").append(scalar(v));
    }
    return b.append('}').toString();
  }

  private static String flowList(List<?> l) {
    StringBuilder b = new StringBuilder("[");
    for (Object v : l) {
      if (v instanceof Map || v instanceof List || v instanceof Cfn.Comment) return null;
      if (v instanceof String s && s.contains("\n")) return null;
      if (v instanceof Cfn.Sub s && s.text().contains("\n")) return null;
      if (b.length() > 1) b.append(", ");
      b.append(scalar(v));
    }
    return b.append(']').toString();
  }

  static String scalar(Object v) {
    if (v instanceof Cfn.Ref r) return "!Ref " + r.name();
    if (v instanceof Cfn.GetAtt g) return "!GetAtt " + g.resource() + "." + g.attribute();
    if (v instanceof Cfn.RuleName n) return "!Select [2, !Split ['/', !GetAtt " + n.rule() + ".Arn]]";
    if (v instanceof Cfn.Sub s) return "!Sub " + quoted(s.text());
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long) return String.valueOf(v);
    if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
    if (v == null) return "''";
    return string(String.valueOf(v));
  }

  private static String key(String k) {
    return PLAIN.matcher(k).matches() && !RESERVED.contains(k.toLowerCase()) ? k : quoted(k);
  }

  private static String string(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase())) return s;
    return quoted(s);
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private StringBuilder pad(int n) {
    return out.append(" ".repeat(n));
  }
}
