package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/**
 * The gateway's open connections by id, and the {@code @connections} operations on them (PostToConnection,
 * DeleteConnection, GetConnection) as {@link ManagementApi} answers them: a connection that is gone is 410.
 */
final class ConnectionRegistry {
  private final Map<String, WsConnection> connections = new ConcurrentHashMap<>();
  private final WsStats stats;

  ConnectionRegistry(WsStats stats) {
    this.stats = stats;
  }

  /** A connection id no open connection has. */
  String newId() {
    String id;
    do {
      id = Ids.next();
    } while (connections.containsKey(id));
    return id;
  }

  void add(WsConnection c) {
    connections.put(c.id, c);
  }

  void remove(WsConnection c) {
    connections.remove(c.id, c);
  }

  Collection<WsConnection> all() {
    return connections.values();
  }

  void clear() {
    connections.clear();
  }

  Set<String> liveIds() {
    return connections.values().stream().filter(WsConnection::live).map(c -> c.id).collect(Collectors.toUnmodifiableSet());
  }

  boolean isConnected(String connectionId) {
    WsConnection c = connections.get(connectionId);
    return c != null && c.live();
  }

  /** See {@link WebSocketGateway#dropSilently}. */
  boolean dropSilently(String connectionId) {
    WsConnection c = connections.get(connectionId);
    if (c == null || !c.live()) return false;
    c.stale = true;
    c.socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped silently");
    return true;
  }

  /** PostToConnection: 200, 410 (gone) or 413 (over 128 KiB). The data is sent as a text frame. */
  int post(String connectionId, byte[] data) {
    if (data.length > WebSocketGateway.MAX_MESSAGE_BYTES) return 413;
    WsConnection c = connections.get(connectionId);
    if (c == null || !c.live()) {
      stats.gone.incrementAndGet();
      return 410;
    }
    try {
      c.socket.send(new String(data, StandardCharsets.UTF_8));
    } catch (WebsocketNotConnectedException e) {
      stats.gone.incrementAndGet();
      return 410;
    }
    stats.posts.incrementAndGet();
    return 200;
  }

  /** DeleteConnection: 204 (the socket is closed, $disconnect follows) or 410. */
  int delete(String connectionId) {
    WsConnection c = connections.get(connectionId);
    if (c == null || !c.live()) {
      stats.gone.incrementAndGet();
      return 410;
    }
    c.socket.close(CloseFrame.NORMAL, "");
    return 204;
  }

  /** GetConnection's answer, or null (410) when the connection is gone. */
  ObjectNode describe(String connectionId) {
    WsConnection c = connections.get(connectionId);
    if (c == null || !c.live()) {
      stats.gone.incrementAndGet();
      return null;
    }
    ObjectNode out = Json.object();
    out.put("connectedAt", Instant.ofEpochMilli(c.connectedAt).toString());
    out.putObject("identity").put("sourceIp", c.sourceIp).put("userAgent", c.userAgent);
    out.put("lastActiveAt", Instant.ofEpochMilli(c.lastActiveAt).toString());
    return out;
  }
}
