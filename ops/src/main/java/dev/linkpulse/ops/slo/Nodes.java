package dev.linkpulse.ops.slo;

import java.util.LinkedHashMap;
import java.util.Map;

/** The trees {@link YamlWriter} and {@link JsonWriter} write: maps keep the order their keys were given in. */
final class Nodes {
  private Nodes() {}

  /** {@code map("a", 1, "b", 2)}: an ordered map of key, value, key, value, ... */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
