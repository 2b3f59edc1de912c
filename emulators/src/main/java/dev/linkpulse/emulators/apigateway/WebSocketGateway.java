package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The local API Gateway WebSocket API: a WebSocket server whose routes are Lambda functions, with its
 * {@code @connections} management API ({@link #managementEndpoint()}) for the real
 * {@code ApiGatewayManagementApiClient}.
 *
 * <p>What it does as API Gateway does:
 * <ul>
 *   <li><b>$connect</b>: the Lambda REQUEST authorizer (if any) is invoked with API Gateway's authorizer event and
 *   must answer an IAM policy allowing {@code execute-api:Invoke} on
 *   {@code arn:aws:execute-api:us-east-1:000000000000:local/$default/$connect}; a missing identity source or an
 *   error {@code "Unauthorized"} rejects the handshake with 401, a Deny (explicit or implicit) with 403, any other
 *   authorizer error or a malformed answer with 500. Then the $connect function runs; a status outside 2xx rejects
 *   the handshake (with that status when it is 4xx/5xx, else 500; a function error is 500). On a rejection $connect
 *   (resp. the connection) never exists: no $disconnect follows. Headers the $connect function returns
 *   (e.g. {@code Sec-WebSocket-Protocol}) are added to the 101 response.</li>
 *   <li><b>Messages</b> are routed by the route selection expression (default {@code $request.body.action}): a body
 *   that is not JSON, lacks the field, or names no route goes to <b>$default</b>; with no $default the client is
 *   told {@code {"message":"Forbidden","connectionId":..,"requestId":..}}. A function error answers
 *   {@code {"message":"Internal server error",...}}. Binary frames are passed base64-encoded
 *   ({@code isBase64Encoded: true}) to $default. A message over 128 KiB closes the connection with 1009.</li>
 *   <li><b>Route responses</b>: this gateway behaves as if every route had a route response: when the function's
 *   response has a non-empty {@code body}, that body is sent back to the client (binary when
 *   {@code isBase64Encoded}). On AWS only routes with a route response configured do that.</li>
 *   <li><b>$disconnect</b> runs when the client closes, the connection breaks, DeleteConnection closes it, or the
 *   gateway shuts down; best-effort and after the connection's earlier messages, as on AWS.</li>
 *   <li>Every event carries the authorizer's {@code context} (plus {@code principalId}) as
 *   {@code requestContext.authorizer}.</li>
 * </ul>
 *
 * <p>Invocations of one connection run one at a time, in arrival order, on a pool of named daemon threads
 * ({@code ws-gateway-N-invoke-*}); the authorizer and $connect run in the handshake, on the server's worker threads.
 * Not emulated: the 10-minute idle timeout, the 2-hour connection limit, subprotocol negotiation rules, stage
 * variables and API keys.
 */
public final class WebSocketGateway implements AutoCloseable {
  public static final String CONNECT = "$connect";
  public static final String DISCONNECT = "$disconnect";
  public static final String DEFAULT = "$default";
  public static final String DEFAULT_ROUTE_SELECTION = "$request.body.action";
  /** API Gateway's limit on a message, in and out. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;

  private static final Logger LOG = Logger.getLogger(WebSocketGateway.class.getName());
  private static final AtomicInteger GATEWAYS = new AtomicInteger();
  private static final Set<String> RESERVED_HEADERS = Set.of("upgrade", "connection", "sec-websocket-accept", "content-length");

  private final String name;
  private final Map<String, LocalFunction> routes;
  private final LocalFunction authorizer;
  private final Server server;
  private final ThreadPoolExecutor invokePool;
  private final Executor invoker;
  private final Map<String, WsConnection> connections = new ConcurrentHashMap<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Exception startFailure;
  private volatile boolean running;
  private volatile boolean closed;
  private int managementPort;
  private List<String> selectionPath = List.of("action");
  private String routeSelectionExpression = DEFAULT_ROUTE_SELECTION;
  private List<String> identitySources = List.of();
  private ManagementApi management;
  private String domainName;

  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong closedCount = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong messagesIn = new AtomicLong();
  private final AtomicLong replies = new AtomicLong();
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong gone = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();

  /** A gateway without an authorizer. */
  public WebSocketGateway(int port, Map<String, LocalFunction> routes) {
    this(port, routes, null);
  }

  /**
   * @param port TCP port on 127.0.0.1 for the WebSocket API, 0 for a free one
   * @param routes route key ({@code $connect}, {@code $disconnect}, {@code $default} or a custom key) to function
   * @param authorizer the Lambda REQUEST authorizer of $connect, or null for none
   */
  public WebSocketGateway(int port, Map<String, LocalFunction> routes, LocalFunction authorizer) {
    this.name = "ws-gateway-" + GATEWAYS.incrementAndGet();
    this.routes = Map.copyOf(Objects.requireNonNull(routes, "routes"));
    this.authorizer = authorizer;
    this.server = new Server(new InetSocketAddress("127.0.0.1", port), 4);
    this.invokePool = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(name + "-invoke"));
    invokePool.allowCoreThreadTimeOut(true);
    this.invoker = task -> {
      try {
        invokePool.execute(task);
      } catch (RejectedExecutionException e) {
        task.run(); // shutting down: still run what was accepted ($disconnect above all)
      }
    };
  }

  /** The management API's port on 127.0.0.1 (default 0: a free one). Before {@link #start}. */
  public WebSocketGateway managementPort(int port) {
    requireNotStarted();
    this.managementPort = port;
    return this;
  }

  /** The route selection expression, {@code $request.body.<field>[.<field>...]}. Before {@link #start}. */
  public WebSocketGateway routeSelectionExpression(String expression) {
    requireNotStarted();
    String prefix = "$request.body.";
    if (expression == null || !expression.startsWith(prefix) || expression.length() == prefix.length()) {
      throw new IllegalArgumentException("unsupported route selection expression " + expression + " (expected $request.body.<field>)");
    }
    this.selectionPath = List.of(expression.substring(prefix.length()).split("\\."));
    this.routeSelectionExpression = expression;
    return this;
  }

  /**
   * The authorizer's identity sources ({@code route.request.querystring.<name>}, {@code route.request.header.<name>}):
   * when one is missing or empty the handshake is refused with 401 and the authorizer is not invoked, as on AWS.
   * Before {@link #start}.
   */
  public WebSocketGateway identitySources(List<String> sources) {
    requireNotStarted();
    for (String s : sources) {
      if (!s.startsWith("route.request.querystring.") && !s.startsWith("route.request.header.")) {
        throw new IllegalArgumentException("unsupported identity source " + s);
      }
    }
    this.identitySources = List.copyOf(sources);
    return this;
  }

  /** Binds both ports and starts serving; throws when a port cannot be bound. */
  public WebSocketGateway start() throws IOException {
    requireNotStarted();
    management = new ManagementApi(this, managementPort, name + "-management");
    management.start();
    server.start();
    try {
      if (!started.await(30, TimeUnit.SECONDS)) startFailure = new IOException("the WebSocket server did not start in 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      startFailure = new IOException("interrupted while starting", e);
    }
    if (startFailure != null) {
      close();
      throw startFailure instanceof IOException io ? io : new IOException("the WebSocket server failed to start", startFailure);
    }
    domainName = "127.0.0.1:" + server.getPort();
    running = true;
    return this;
  }

  public int port() {
    return server.getPort();
  }

  /** {@code ws://127.0.0.1:<port>}: what clients connect to (any path; the query string reaches the authorizer). */
  public String url() {
    return "ws://" + domainName();
  }

  /** What an {@code ApiGatewayManagementApiClient} takes as {@code endpointOverride}: {@code http://127.0.0.1:<port>}. */
  public String managementEndpoint() {
    if (management == null) throw new IllegalStateException("not started");
    return "http://127.0.0.1:" + management.port();
  }

  public String routeSelectionExpression() {
    return routeSelectionExpression;
  }

  /** The ids of the connections the gateway considers open (silently dropped ones excluded). */
  public Set<String> connectionIds() {
    return connections.values().stream().filter(WsConnection::live).map(c -> c.id).collect(Collectors.toUnmodifiableSet());
  }

  public boolean isConnected(String connectionId) {
    WsConnection c = connections.get(connectionId);
    return c != null && c.live();
  }

  /**
   * Simulates a client that vanished and whose $disconnect was lost: closes the TCP connection without a close
   * frame and without running $disconnect. The id stays known to the registry, but its socket is dead, so
   * PostToConnection, GetConnection and DeleteConnection answer 410 GoneException, as AWS does for such an id.
   * Returns false when the id is not an open connection.
   */
  public boolean dropSilently(String connectionId) {
    WsConnection c = connections.get(connectionId);
    if (c == null || !c.live()) return false;
    c.stale = true;
    c.socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped silently");
    return true;
  }

  /** Connections accepted ($connect succeeded). */
  public long connectionsOpened() {
    return opened.get();
  }

  /** Connections ended with a $disconnect (silently dropped ones are not counted). */
  public long connectionsClosed() {
    return closedCount.get();
  }

  /** Handshakes refused (authorizer or $connect). */
  public long connectionsRejected() {
    return rejected.get();
  }

  /** Messages received from clients. */
  public long messagesIn() {
    return messagesIn.get();
  }

  /** Route responses sent back to clients. */
  public long routeResponses() {
    return replies.get();
  }

  /** Successful PostToConnection calls. */
  public long posts() {
    return posts.get();
  }

  /** Management calls answered 410 GoneException. */
  public long gone() {
    return gone.get();
  }

  /** Route invocations (messages and $disconnect) queued or running. */
  public long pendingInvocations() {
    return pending.get();
  }

  /** True when no route invocation is queued or running. */
  public boolean idle() {
    return pending.get() == 0;
  }

  /** The prefix of this gateway's thread names ({@code ws-gateway-N}). */
  public String threadNamePrefix() {
    return name;
  }

  /**
   * Closes every connection (each gets its $disconnect, code 1001 "Going away"), stops the server and the
   * management API, waits for queued invocations (up to 10 s) and joins the threads.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    running = false;
    for (WsConnection c : connections.values()) {
      if (c.stale || c.disconnected.get()) continue;
      try {
        c.socket.close(CloseFrame.GOING_AWAY, "Going away");
      } catch (RuntimeException ignored) {
        // already closing
      }
      disconnect(c, CloseFrame.GOING_AWAY, "Going away");
    }
    try {
      server.stop(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.joinThreads(5000);
    if (management != null) management.close();
    invokePool.shutdown();
    try {
      if (!invokePool.awaitTermination(10, TimeUnit.SECONDS)) invokePool.shutdownNow();
      invokePool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      invokePool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    connections.clear();
  }

  @Override
  public String toString() {
    return "WebSocketGateway[" + (running ? url() + ", management " + managementEndpoint() : "stopped") + ", routes=" + routes.keySet() + "]";
  }

  // ---------------------------------------------------------------- management operations (ManagementApi)

  /** PostToConnection: 200, 410 (gone) or 413 (over 128 KiB). The data is sent as a text frame. */
  int post(String connectionId, byte[] data) {
    if (data.length > MAX_MESSAGE_BYTES) return 413;
    WsConnection c = connections.get(connectionId);
    if (c == null || !c.live()) {
      gone.incrementAndGet();
      return 410;
    }
    try {
      c.socket.send(new String(data, StandardCharsets.UTF_8));
    } catch (WebsocketNotConnectedException e) {
      gone.incrementAndGet();
      return 410;
    }
    posts.incrementAndGet();
    return 200;
  }

  /** DeleteConnection: 204 (the socket is closed, $disconnect follows) or 410. */
  int delete(String connectionId) {
    WsConnection c = connections.get(connectionId);
    if (c == null || !c.live()) {
      gone.incrementAndGet();
      return 410;
    }
    c.socket.close(CloseFrame.NORMAL, "");
    return 204;
  }

  /** GetConnection's answer, or null (410) when the connection is gone. */
  ObjectNode describe(String connectionId) {
    WsConnection c = connections.get(connectionId);
    if (c == null || !c.live()) {
      gone.incrementAndGet();
      return null;
    }
    ObjectNode out = Json.object();
    out.put("connectedAt", Instant.ofEpochMilli(c.connectedAt).toString());
    out.putObject("identity").put("sourceIp", c.sourceIp).put("userAgent", c.userAgent);
    out.put("lastActiveAt", Instant.ofEpochMilli(c.lastActiveAt).toString());
    return out;
  }

  // ---------------------------------------------------------------- connection lifecycle

  private String domainName() {
    return domainName != null ? domainName : "127.0.0.1:" + server.getPort();
  }

  private void handshake(WebSocket socket, ClientHandshake request, ServerHandshakeBuilder response) throws InvalidDataException {
    if (closed) throw reject(socket, 410, "Gone", "the gateway is shutting down");
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
    String id;
    do {
      id = Ids.next();
    } while (connections.containsKey(id));
    long connectedAt = System.currentTimeMillis();

    Map<String, Object> authorizerContext = null;
    if (authorizer != null) {
      WsConnection candidate = new WsConnection(id, socket, connectedAt, sourceIp, userAgent, headers, query, null);
      authorizerContext = authorize(socket, candidate);
    }
    WsConnection c = new WsConnection(id, socket, connectedAt, sourceIp, userAgent, headers, query, authorizerContext);

    LocalFunction connect = routes.get(CONNECT);
    if (connect != null) {
      String out;
      try {
        out = connect.invoke(Json.write(WsEvents.connect(c, domainName())));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "$connect function " + connect.name() + " failed", e);
        throw reject(socket, 500, "Internal server error", "$connect failed");
      }
      JsonNode result = tree(out);
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
    socket.setAttachment(c);
    connections.put(id, c);
    opened.incrementAndGet();
  }

  /** Runs the authorizer; returns {@code requestContext.authorizer} on Allow, otherwise rejects the handshake. */
  private Map<String, Object> authorize(WebSocket socket, WsConnection candidate) throws InvalidDataException {
    for (String source : identitySources) {
      if (!identityPresent(source, candidate)) throw reject(socket, 401, "Unauthorized", "identity source " + source + " is missing");
    }
    String out;
    try {
      out = authorizer.invoke(Json.write(WsEvents.authorizerRequest(candidate, domainName())));
    } catch (RuntimeException e) {
      if ("Unauthorized".equals(e.getMessage())) throw reject(socket, 401, "Unauthorized", "the authorizer answered Unauthorized");
      LOG.log(Level.WARNING, "authorizer " + authorizer.name() + " failed", e);
      throw reject(socket, 500, "Internal server error", "the authorizer failed");
    }
    AuthorizerPolicy.Decision decision = AuthorizerPolicy.evaluate(tree(out), WsEvents.methodArn(CONNECT));
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
  private InvalidDataException reject(WebSocket socket, int status, String message, String why) {
    rejected.incrementAndGet();
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

  private void message(WebSocket socket, String body, boolean base64, int size) {
    WsConnection c = socket.getAttachment();
    if (c == null || c.disconnected.get() || c.stale) return;
    if (size > MAX_MESSAGE_BYTES) {
      socket.close(CloseFrame.TOOBIG, "Message too big");
      return;
    }
    c.lastActiveAt = System.currentTimeMillis();
    messagesIn.incrementAndGet();
    String messageId = Ids.next();
    enqueue(c, () -> route(c, body, base64, messageId));
  }

  private void route(WsConnection c, String body, boolean base64, String messageId) {
    String routeKey = base64 ? DEFAULT : select(body);
    LocalFunction function = routes.get(routeKey);
    if (function == null) {
      send(c, errorMessage("Forbidden", c));
      return;
    }
    String out;
    try {
      out = function.invoke(Json.write(WsEvents.message(c, routeKey, messageId, body, base64, domainName())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "route " + routeKey + " (function " + function.name() + ") failed", e);
      send(c, errorMessage("Internal server error", c));
      return;
    }
    JsonNode result = tree(out);
    if (result == null || !result.isObject()) return;
    JsonNode replyBody = result.get("body");
    if (replyBody == null || replyBody.isNull() || replyBody.asText().isEmpty()) return;
    try {
      if (result.path("isBase64Encoded").asBoolean(false)) c.socket.send(Base64.getDecoder().decode(replyBody.asText()));
      else c.socket.send(replyBody.asText());
      replies.incrementAndGet();
    } catch (WebsocketNotConnectedException | IllegalArgumentException e) {
      LOG.fine("route response for " + c.id + " not delivered: " + e);
    }
  }

  /** The route key the selection expression picks for {@code body}: a custom route, else $default. */
  String select(String body) {
    JsonNode node;
    try {
      node = Json.tree(body);
    } catch (IOException | RuntimeException e) {
      return DEFAULT;
    }
    for (String field : selectionPath) {
      if (node == null || !node.isObject()) return DEFAULT;
      node = node.get(field);
    }
    if (node == null || node.isNull() || !node.isValueNode()) return DEFAULT;
    String key = node.asText();
    return !key.startsWith("$") && routes.containsKey(key) ? key : DEFAULT;
  }

  private void closed(WebSocket socket, int code, String reason) {
    WsConnection c = socket.getAttachment();
    if (c == null || c.stale) return; // a refused handshake, or a connection dropped on purpose without $disconnect
    disconnect(c, code, reason);
  }

  /** Ends the connection once: removes it from the registry and queues $disconnect after its earlier messages. */
  private void disconnect(WsConnection c, int code, String reason) {
    if (!c.disconnected.compareAndSet(false, true)) return;
    connections.remove(c.id, c);
    closedCount.incrementAndGet();
    LocalFunction function = routes.get(DISCONNECT);
    if (function == null) return;
    enqueue(c, () -> {
      try {
        function.invoke(Json.write(WsEvents.disconnect(c, code, reason, domainName())));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "$disconnect function " + function.name() + " failed", e);
      }
    });
  }

  private void enqueue(WsConnection c, Runnable task) {
    pending.incrementAndGet();
    c.enqueue(() -> {
      try {
        task.run();
      } finally {
        pending.decrementAndGet();
      }
    }, invoker);
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

  private static JsonNode tree(String json) {
    if (json == null) return null;
    try {
      return Json.tree(json);
    } catch (IOException e) {
      return null;
    }
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

  private void requireNotStarted() {
    if (running || closed || management != null) throw new IllegalStateException("the gateway is already started");
  }

  static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Java-WebSocket's server with the gateway's callbacks; its threads are renamed {@code ws-gateway-N-*}, daemon. */
  private final class Server extends WebSocketServer {
    Server(InetSocketAddress address, int workers) {
      super(address, workers);
      setDaemon(true);
      setReuseAddr(true);
      setTcpNoDelay(true);
      for (int i = 0; i < decoders.size(); i++) decoders.get(i).setName(name + "-worker-" + (i + 1));
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
        throws InvalidDataException {
      ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
      try {
        handshake(conn, request, response);
      } catch (InvalidDataException e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "WebSocket handshake failed", e);
        throw reject(conn, 500, "Internal server error", String.valueOf(e));
      }
      return response;
    }

    @Override
    public void onStart() {
      Thread.currentThread().setName(name + "-selector");
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      // registered in the handshake, once $connect has accepted the connection
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      message(conn, message, false, message.length() > MAX_MESSAGE_BYTES / 4 ? message.getBytes(StandardCharsets.UTF_8).length : message.length());
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer bytes) {
      byte[] data = new byte[bytes.remaining()];
      bytes.get(data);
      message(conn, Base64.getEncoder().encodeToString(data), true, data.length);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      closed(conn, code, reason);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
      if (conn == null && started.getCount() > 0) {
        startFailure = ex;
        started.countDown();
      } else if (conn == null) {
        LOG.log(Level.WARNING, "WebSocket server error", ex);
      } else {
        LOG.log(Level.FINE, "WebSocket connection error", ex);
      }
    }

    void joinThreads(long millis) {
      long deadline = System.currentTimeMillis() + millis;
      for (Thread worker : decoders) {
        try {
          long left = deadline - System.currentTimeMillis();
          if (left > 0 && worker.isAlive()) worker.join(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
