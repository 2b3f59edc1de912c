package dev.linkpulse.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** One SAM function as the template declares it (globals merged, intrinsics not yet resolved). */
public record FunctionSpec(String logicalId, Map<String, Object> properties, Map<String, Object> environment) {
  public String handlerClass() {
    String handler = String.valueOf(properties.get("Handler"));
    int sep = handler.indexOf("::");
    return sep < 0 ? handler : handler.substring(0, sep);
  }

  public String handlerMethod() {
    String handler = String.valueOf(properties.get("Handler"));
    int sep = handler.indexOf("::");
    return sep < 0 ? "handleRequest" : handler.substring(sep + 2);
  }

  public String codeUri() {
    return String.valueOf(properties.get("CodeUri"));
  }

  public int timeoutSeconds() {
    Object t = properties.get("Timeout");
    return t == null ? 3 : Integer.parseInt(String.valueOf(t));
  }

  /** Event sources by name: each a map with {@code Type} and {@code Properties}. */
  public Map<String, Map<String, Object>> events() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    Template.map(properties.get("Events")).forEach((name, e) -> out.put(name, Template.map(e)));
    return out;
  }
}
