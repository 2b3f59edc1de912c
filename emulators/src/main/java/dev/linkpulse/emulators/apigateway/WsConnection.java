package dev.linkpulse.emulators.apigateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;

/**
 * One client connection as the gateway knows it: its id, what its opening handshake said (kept for the events and
 * for GetConnection), the authorizer's answer, and the queue of its invocations. Invocations of one connection run
 * one after another in arrival order ($disconnect last), on the gateway's invoke pool.
 */
final class WsConnection {
  private static final Logger LOG = Logger.getLogger(WsConnection.class.getName());

  final String id;
  final WebSocket socket;
  final long connectedAt;
  final String sourceIp;
  final String userAgent;
  final Map<String, List<String>> headers;
  final Map<String, List<String>> query;
  /** {@code requestContext.authorizer} of every event of this connection (null without an authorizer). */
  final Map<String, Object> authorizer;
  volatile long lastActiveAt;
  /** Set when the gateway has decided the connection is over; $disconnect is scheduled exactly once. */
  final AtomicBoolean disconnected = new AtomicBoolean();
  /** Dropped by {@link WebSocketGateway#dropSilently}: the socket is dead, $disconnect never runs. */
  volatile boolean stale;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  WsConnection(String id, WebSocket socket, long connectedAt, String sourceIp, String userAgent,
      Map<String, List<String>> headers, Map<String, List<String>> query, Map<String, Object> authorizer) {
    this.id = id;
    this.socket = socket;
    this.connectedAt = connectedAt;
    this.lastActiveAt = connectedAt;
    this.sourceIp = sourceIp;
    this.userAgent = userAgent;
    this.headers = headers;
    this.query = query;
    this.authorizer = authorizer;
  }

  /** True while the registry should answer for this connection: not disconnected and the socket still open. */
  boolean live() {
    return !disconnected.get() && !stale && socket.isOpen();
  }

  /** Runs {@code task} after every task queued before it for this connection. */
  synchronized void enqueue(Runnable task, Executor executor) {
    tail = tail.thenRunAsync(task, executor).exceptionally(e -> {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RejectedExecutionException) LOG.fine("connection " + id + ": gateway closed, invocation dropped");
      else LOG.log(Level.WARNING, "connection " + id + ": invocation failed", cause);
      return null;
    });
  }
}
