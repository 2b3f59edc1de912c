package dev.linkpulse.emulators.apigateway;

import dev.linkpulse.emulators.lambda.LocalFunction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.framing.CloseFrame;

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
 * The jobs are split: {@link Handshake} ($connect), {@link RouteSelector}, {@link MessageRouter} (messages,
 * $disconnect), {@link ConnectionRegistry} (the connections and the management operations), {@link WsServer}.
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

  private static final AtomicInteger GATEWAYS = new AtomicInteger();

  private final String name;
  private final Map<String, LocalFunction> routes;
  private final LocalFunction authorizer;
  private final WsServer server;
  private final WsStats stats = new WsStats();
  private final ConnectionRegistry registry = new ConnectionRegistry(stats);
  private volatile boolean running;
  private volatile boolean closed;
  private int managementPort;
  private RouteSelector selector = RouteSelector.of(DEFAULT_ROUTE_SELECTION);
  private List<String> identitySources = List.of();
  private Handshake handshake;
  private MessageRouter router;
  private ManagementApi management;
  private String domainName;

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
    this.server = new WsServer(name, new InetSocketAddress("127.0.0.1", port), 4);
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
    this.selector = RouteSelector.of(expression);
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
    management = new ManagementApi(registry, managementPort, name + "-management");
    management.start();
    handshake = new Handshake(routes.get(CONNECT), authorizer, identitySources, registry, stats, this::domainName);
    router = new MessageRouter(name, routes, selector, registry, stats, this::domainName);
    try {
      server.start(handshake, router);
    } catch (IOException e) {
      close();
      throw e;
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
    return selector.expression();
  }

  /** The ids of the connections the gateway considers open (silently dropped ones excluded). */
  public Set<String> connectionIds() {
    return registry.liveIds();
  }

  public boolean isConnected(String connectionId) {
    return registry.isConnected(connectionId);
  }

  /**
   * Simulates a client that vanished and whose $disconnect was lost: closes the TCP connection without a close
   * frame and without running $disconnect. The id stays known to the registry, but its socket is dead, so
   * PostToConnection, GetConnection and DeleteConnection answer 410 GoneException, as AWS does for such an id.
   * Returns false when the id is not an open connection.
   */
  public boolean dropSilently(String connectionId) {
    return registry.dropSilently(connectionId);
  }

  /** Connections accepted ($connect succeeded). */
  public long connectionsOpened() {
    return stats.opened.get();
  }

  /** Connections ended with a $disconnect (silently dropped ones are not counted). */
  public long connectionsClosed() {
    return stats.closed.get();
  }

  /** Handshakes refused (authorizer or $connect). */
  public long connectionsRejected() {
    return stats.rejected.get();
  }

  /** Messages received from clients. */
  public long messagesIn() {
    return stats.messagesIn.get();
  }

  /** Route responses sent back to clients. */
  public long routeResponses() {
    return stats.replies.get();
  }

  /** Successful PostToConnection calls. */
  public long posts() {
    return stats.posts.get();
  }

  /** Management calls answered 410 GoneException. */
  public long gone() {
    return stats.gone.get();
  }

  /** Route invocations (messages and $disconnect) queued or running. */
  public long pendingInvocations() {
    return stats.pending.get();
  }

  /** True when no route invocation is queued or running. */
  public boolean idle() {
    return stats.pending.get() == 0;
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
    if (handshake != null) handshake.shutDown();
    for (WsConnection c : registry.all()) {
      if (c.stale || c.disconnected.get()) continue;
      try {
        c.socket.close(CloseFrame.GOING_AWAY, "Going away");
      } catch (RuntimeException ignored) {
        // already closing
      }
      if (router != null) router.disconnect(c, CloseFrame.GOING_AWAY, "Going away");
    }
    try {
      server.stop(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.joinThreads(5000);
    if (management != null) management.close();
    if (router != null) router.close();
    registry.clear();
  }

  @Override
  public String toString() {
    return "WebSocketGateway[" + (running ? url() + ", management " + managementEndpoint() : "stopped") + ", routes=" + routes.keySet() + "]";
  }

  private String domainName() {
    return domainName != null ? domainName : "127.0.0.1:" + server.getPort();
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
}
