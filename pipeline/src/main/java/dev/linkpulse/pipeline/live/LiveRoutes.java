package dev.linkpulse.pipeline.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkCodes;
import dev.linkpulse.core.links.LinkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The WebSocket API's routes, free of Lambda types. Every answer is one JSON frame. Subscribing to a link the caller
 * does not own answers exactly like an unknown code, and stores nothing; nor does subscribing with a token that has
 * expired since the connection opened. A subscription names the life of the link it was granted for and the token's
 * expiry, which the fan-out checks again at every push. It lapses after {@code connectionTtl} (API Gateway closes a
 * connection after two hours at most), so one whose $disconnect never came stops costing pushes. Frames are parsed
 * strictly (a duplicate key is a bad request).
 */
public final class LiveRoutes {
  /** Who is calling: the subject and token expiry the $connect authorizer put in the connection's context. */
  public record Caller(String owner, Instant tokenExpiresAt) {
    public static final Caller ANONYMOUS = new Caller(null, null);
  }

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
  public String handle(String routeKey, String connectionId, Caller caller, String body) {
    switch (routeKey) {
      case "$connect":
        return null;
      case "$disconnect":
        subscriptions.disconnect(connectionId);
        return null;
      case "subscribe": {
        String code = code(body);
        if (code == null) return error("bad_request", "send {\"action\":\"subscribe\",\"code\":\"<your link's code>\"}");
        Instant now = clock.instant();
        Instant lapses = now.plus(connectionTtl);
        Instant tokenExpiresAt = caller.tokenExpiresAt() == null ? lapses : caller.tokenExpiresAt();
        if (!now.isBefore(tokenExpiresAt)) return error("token_expired", "your token has expired; reconnect with a new one");
        var link = caller.owner() == null ? java.util.Optional.<Link>empty() : links.findOwned(caller.owner(), code);
        if (link.isEmpty()) return error("not_found", "no such link");
        subscriptions.subscribe(code, new Subscriber(connectionId, caller.owner(), link.get().incarnation(), tokenExpiresAt), lapses);
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
      JsonNode node = Json.strictTree(body == null ? "" : body);
      String code = node == null ? null : node.path("code").asText(null);
      return LinkCodes.possible(code) ? code : null;
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
