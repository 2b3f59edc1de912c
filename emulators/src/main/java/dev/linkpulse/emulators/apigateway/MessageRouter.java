package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.Json;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/**
 * A connection's messages and its $disconnect, each invoked on the route the selector picks, one at a time per
 * connection and in arrival order, on a pool of named daemon threads; a route response goes back to the client.
 */
final class MessageRouter {
  private static final Logger LOG = Logger.getLogger(MessageRouter.class.getName());

  private final Map<String, LocalFunction> routes;
  private final RouteSelector selector;
  private final ConnectionRegistry registry;
  private final WsStats stats;
  private final Supplier<String> domainName;
  private final ThreadPoolExecutor invokePool;
  private final Executor invoker;

  MessageRouter(String threadPrefix, Map<String, LocalFunction> routes, RouteSelector selector, ConnectionRegistry registry,
      WsStats stats, Supplier<String> domainName) {
    this.routes = routes;
    this.selector = selector;
    this.registry = registry;
    this.stats = stats;
    this.domainName = domainName;
    this.invokePool = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        WebSocketGateway.named(threadPrefix + "-invoke"));
    invokePool.allowCoreThreadTimeOut(true);
    this.invoker = task -> {
      try {
        invokePool.execute(task);
      } catch (RejectedExecutionException e) {
        task.run(); // shutting down: still run what was accepted ($disconnect above all)
      }
    };
  }

  void message(WebSocket socket, String body, boolean base64, int size) {
    WsConnection c = socket.getAttachment();
    if (c == null || c.disconnected.get() || c.stale) return;
    if (size > WebSocketGateway.MAX_MESSAGE_BYTES) {
      socket.close(CloseFrame.TOOBIG, "Message too big");
      return;
    }
    c.lastActiveAt = System.currentTimeMillis();
    stats.messagesIn.incrementAndGet();
    String messageId = Ids.next();
    enqueue(c, () -> route(c, body, base64, messageId));
  }

  private void route(WsConnection c, String body, boolean base64, String messageId) {
    String routeKey = base64 ? WebSocketGateway.DEFAULT : selector.select(body, routes.keySet());
    LocalFunction function = routes.get(routeKey);
    if (function == null) {
      send(c, errorMessage("Forbidden", c));
      return;
    }
    String out;
    try {
      out = function.invoke(Json.write(WsEvents.message(c, routeKey, messageId, body, base64, domainName.get())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "route " + routeKey + " (function " + function.name() + ") failed", e);
      send(c, errorMessage("Internal server error", c));
      return;
    }
    JsonNode result = WsEvents.tree(out);
    if (result == null || !result.isObject()) return;
    JsonNode replyBody = result.get("body");
    if (replyBody == null || replyBody.isNull() || replyBody.asText().isEmpty()) return;
    try {
      if (result.path("isBase64Encoded").asBoolean(false)) c.socket.send(Base64.getDecoder().decode(replyBody.asText()));
      else c.socket.send(replyBody.asText());
      stats.replies.incrementAndGet();
    } catch (WebsocketNotConnectedException | IllegalArgumentException e) {
      LOG.fine("route response for " + c.id + " not delivered: " + e);
    }
  }

  void closed(WebSocket socket, int code, String reason) {
    WsConnection c = socket.getAttachment();
    if (c == null || c.stale) return; // a refused handshake, or a connection dropped on purpose without $disconnect
    disconnect(c, code, reason);
  }

  /** Ends the connection once: removes it from the registry and queues $disconnect after its earlier messages. */
  void disconnect(WsConnection c, int code, String reason) {
    if (!c.disconnected.compareAndSet(false, true)) return;
    registry.remove(c);
    stats.closed.incrementAndGet();
    LocalFunction function = routes.get(WebSocketGateway.DISCONNECT);
    if (function == null) return;
    enqueue(c, () -> {
      try {
        function.invoke(Json.write(WsEvents.disconnect(c, code, reason, domainName.get())));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "$disconnect function " + function.name() + " failed", e);
      }
    });
  }

  private void enqueue(WsConnection c, Runnable task) {
    stats.pending.incrementAndGet();
    c.enqueue(() -> {
      try {
        task.run();
      } finally {
        stats.pending.decrementAndGet();
      }
    }, invoker);
  }

  /** Waits for the queued invocations (up to 10 s), then stops the pool. */
  void close() {
    invokePool.shutdown();
    try {
      if (!invokePool.awaitTermination(10, TimeUnit.SECONDS)) invokePool.shutdownNow();
      invokePool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      invokePool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static void send(WsConnection c, String text) {
    try {
      c.socket.send(text);
    } catch (WebsocketNotConnectedException e) {
      LOG.fine("message for " + c.id + " not delivered: the connection is closed");
    }
  }

  private static String errorMessage(String message, WsConnection c) {
    return Json.write(Json.object().put("message", message).put("connectionId", c.id).put("requestId", Ids.next()));
  }
}
