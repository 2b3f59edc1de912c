package dev.linkpulse.pipeline.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.LinkStore;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The WebSocket API's routes, free of Lambda types. Every answer is one JSON frame. Subscribing to a link the caller
 * does not own answers exactly like an unknown code, and stores nothing. A subscription lapses after
 * {@code connectionTtl} (API Gateway closes a connection after two hours at most), so one whose $disconnect never
 * came stops costing pushes.
 */
public final class LiveRoutes {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final LinkStore links;
  private final Subscriptions subscriptions;
  private final Duration connectionTtl;
  private final Clock clock;

  public LiveRoutes(LinkStore links, Subscriptions subscriptions, Duration connectionTtl, Clock clock) {
    this.links = links;
    this.subscriptions = subscriptions;
    this.connectionTtl = connectionTtl;
    this.clock = clock;
  }

  /** @return the frame to send back, or null for routes that answer nothing ($connect, $disconnect) */
  public String handle(String routeKey, String connectionId, String owner, String body) {
    switch (routeKey) {
      case "$connect":
        return null;
      case "$disconnect":
        subscriptions.disconnect(connectionId);
        return null;
      case "subscribe": {
        String code = code(body);
        if (code == null) return error("bad_request", "send {\"action\":\"subscribe\",\"code\":\"<your link's code>\"}");
        if (owner == null || links.findOwned(owner, code).isEmpty()) return error("not_found", "no such link");
        subscriptions.subscribe(code, connectionId, owner, clock.instant().plus(connectionTtl));
        return frame("subscribed", code);
      }
      case "unsubscribe": {
        String code = code(body);
        if (code == null) return error("bad_request", "send {\"action\":\"unsubscribe\",\"code\":\"<code>\"}");
        subscriptions.unsubscribe(code, connectionId);
        return frame("unsubscribed", code);
      }
      default:
        return error("unknown_action", "actions are subscribe and unsubscribe");
    }
  }

  private static String code(String body) {
    try {
      JsonNode node = Json.tree(body == null ? "" : body);
      String code = node == null ? null : node.path("code").asText(null);
      return code != null && CODE.matcher(code).matches() ? code : null;
    } catch (Exception malformed) {
      return null;
    }
  }

  private static String frame(String type, String code) {
    return Json.write(Json.object().put("type", type).put("code", code));
  }

  static String error(String code, String message) {
    ObjectNode e = Json.object().put("type", "error").put("code", code).put("message", message);
    return Json.write(e);
  }
}
