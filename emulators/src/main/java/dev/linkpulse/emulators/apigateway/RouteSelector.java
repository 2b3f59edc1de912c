package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The WebSocket API's route selection expression, {@code $request.body.<field>[.<field>...]}: the route a message
 * goes to is the value at that path of its JSON body when it names a custom route, else {@code $default}.
 */
record RouteSelector(String expression, List<String> path) {
  private static final String PREFIX = "$request.body.";

  static RouteSelector of(String expression) {
    if (expression == null || !expression.startsWith(PREFIX) || expression.length() == PREFIX.length()) {
      throw new IllegalArgumentException("unsupported route selection expression " + expression + " (expected $request.body.<field>)");
    }
    return new RouteSelector(expression, List.of(expression.substring(PREFIX.length()).split("\\.")));
  }

  /** The route key for {@code body}: a custom route of {@code routeKeys}, else $default. */
  String select(String body, Set<String> routeKeys) {
    JsonNode node;
    try {
      node = Json.tree(body);
    } catch (IOException | RuntimeException e) {
      return WebSocketGateway.DEFAULT;
    }
    for (String field : path) {
      if (node == null || !node.isObject()) return WebSocketGateway.DEFAULT;
      node = node.get(field);
    }
    if (node == null || node.isNull() || !node.isValueNode()) return WebSocketGateway.DEFAULT;
    String key = node.asText();
    return !key.startsWith("$") && routeKeys.contains(key) ? key : WebSocketGateway.DEFAULT;
  }
}
