package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.Json;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * $connect: the identity sources, the Lambda REQUEST authorizer and its IAM policy, then the $connect function;
 * the connection is registered only when all of them accept it. A refusal answers the handshake with API Gateway's
 * status and body.
 */
final class Handshake {
  private static final Logger LOG = Logger.getLogger(Handshake.class.getName());
  private static final Set<String> RESERVED_HEADERS = Set.of("upgrade", "connection", "sec-websocket-accept", "content-length");

  private final LocalFunction connect;
  private final LocalFunction authorizer;
  private final List<String> identitySources;
  private final ConnectionRegistry registry;
  private final WsStats stats;
  private final Supplier<String> domainName;
  private volatile boolean closing;

  Handshake(LocalFunction connect, LocalFunction authorizer, List<String> identitySources, ConnectionRegistry registry, WsStats stats,
      Supplier<String> domainName) {
    this.connect = connect;
    this.authorizer = authorizer;
    this.identitySources = identitySources;
    this.registry = registry;
    this.stats = stats;
    this.domainName = domainName;
  }

  /** From now on every handshake is refused with 410. */
  void shutDown() {
    closing = true;
  }

  void accept(WebSocket socket, ClientHandshake request, ServerHandshakeBuilder response) throws InvalidDataException {
    if (closing) throw reject(socket, 410, "Gone", "the gateway is shutting down");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Iterator<String> it = request.iterateHttpFields(); it.hasNext(); ) {
      String header = it.next();
      headers.put(header, List.of(request.getFieldValue(header)));
    }
    Map<String, List<String>> query = query(request.getResourceDescriptor());
    String userAgent = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("User-Agent"))
        .map(h -> h.getValue().get(0)).findFirst().orElse("");
    InetSocketAddress remote = socket.getRemoteSocketAddress();
    String sourceIp = remote == null || remote.getAddress() == null ? "127.0.0.1" : remote.getAddress().getHostAddress();
    String id = registry.newId();
    long connectedAt = System.currentTimeMillis();

    Map<String, Object> authorizerContext = null;
    if (authorizer != null) {
      WsConnection candidate = new WsConnection(id, socket, connectedAt, sourceIp, userAgent, headers, query, null);
      authorizerContext = authorize(socket, candidate);
    }
    WsConnection c = new WsConnection(id, socket, connectedAt, sourceIp, userAgent, headers, query, authorizerContext);
    if (connect != null) runConnect(socket, c, response);
    socket.setAttachment(c);
    registry.add(c);
    stats.opened.incrementAndGet();
  }

  /** The $connect function: a status outside 2xx refuses the handshake; the headers it returns go into the 101. */
  private void runConnect(WebSocket socket, WsConnection c, ServerHandshakeBuilder response) throws InvalidDataException {
    String out;
    try {
      out = connect.invoke(Json.write(WsEvents.connect(c, domainName.get())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "$connect function " + connect.name() + " failed", e);
      throw reject(socket, 500, "Internal server error", "$connect failed");
    }
    JsonNode result = WsEvents.tree(out);
    int status = result != null && result.hasNonNull("statusCode") ? result.path("statusCode").asInt(500) : 200;
    if (status < 200 || status > 299) {
      int code = status >= 400 && status <= 599 ? status : 500;
      throw reject(socket, code, reason(code), "$connect answered " + status);
    }
    if (result != null) {
      result.path("headers").fields().forEachRemaining(h -> {
        if (!RESERVED_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) response.put(h.getKey(), h.getValue().asText());
      });
    }
  }

  /** Runs the authorizer; returns {@code requestContext.authorizer} on Allow, otherwise rejects the handshake. */
  private Map<String, Object> authorize(WebSocket socket, WsConnection candidate) throws InvalidDataException {
    for (String source : identitySources) {
      if (!identityPresent(source, candidate)) throw reject(socket, 401, "Unauthorized", "identity source " + source + " is missing");
    }
    String out;
    try {
      out = authorizer.invoke(Json.write(WsEvents.authorizerRequest(candidate, domainName.get())));
    } catch (RuntimeException e) {
      if ("Unauthorized".equals(e.getMessage())) throw reject(socket, 401, "Unauthorized", "the authorizer answered Unauthorized");
      LOG.log(Level.WARNING, "authorizer " + authorizer.name() + " failed", e);
      throw reject(socket, 500, "Internal server error", "the authorizer failed");
    }
    AuthorizerPolicy.Decision decision = AuthorizerPolicy.evaluate(WsEvents.tree(out), WsEvents.methodArn(WebSocketGateway.CONNECT));
    if (decision instanceof AuthorizerPolicy.Allowed allowed) return allowed.authorizerMap();
    if (decision instanceof AuthorizerPolicy.Malformed malformed) {
      LOG.warning("authorizer " + authorizer.name() + " answered a malformed response: " + malformed.reason() + ": " + out);
      throw reject(socket, 500, "Internal server error", malformed.reason());
    }
    throw reject(socket, 403, "Forbidden", "the authorizer denied the connection");
  }

  private static boolean identityPresent(String source, WsConnection c) {
    List<String> values;
    if (source.startsWith("route.request.querystring.")) {
      values = c.query.get(source.substring("route.request.querystring.".length()));
    } else {
      String header = source.substring("route.request.header.".length());
      values = c.headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(header)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
    return values != null && values.stream().anyMatch(v -> !v.isEmpty());
  }

  /**
   * Refuses the handshake with {@code status}. Java-WebSocket can only refuse with 404 or 500, so the real answer
   * is queued first; the library's own response that follows it is ignored by clients (the connection closes).
   */
  InvalidDataException reject(WebSocket socket, int status, String message, String why) {
    stats.rejected.incrementAndGet();
    byte[] body = Json.write(Json.object().put("message", message)).getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n"
        + "Connection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buffer = ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body);
    buffer.flip();
    if (socket instanceof WebSocketImpl impl) impl.outQueue.add(buffer);
    LOG.fine("handshake refused with " + status + ": " + why);
    return new InvalidDataException(CloseFrame.POLICY_VALIDATION, why);
  }

  private static Map<String, List<String>> query(String resourceDescriptor) {
    int q = resourceDescriptor == null ? -1 : resourceDescriptor.indexOf('?');
    if (q < 0) return Map.of();
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : resourceDescriptor.substring(q + 1).split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return query;
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 413 -> "Payload Too Large";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> status < 500 ? "Client Error" : "Server Error";
    };
  }
}
