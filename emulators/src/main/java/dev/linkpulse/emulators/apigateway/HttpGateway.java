package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP API: routes, a JWT authorizer ({@link HttpAuthorizer}), payload-format 2.0 events, and the handler's
 * response written back as API Gateway writes it. Paths the gateway serves itself (health, the local issuer's
 * discovery documents, the dashboard) are registered with {@link #serve}.
 */
public final class HttpGateway implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpGateway.class.getName());
  private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final int MAX_BODY = 10 * 1024 * 1024;

  private final List<HttpRoute> routes;
  private final HttpAuthorizer authorizer;
  private final HttpEdge edge;
  private final Map<String, HttpHandler> builtIns = new LinkedHashMap<>();
  private volatile RequestListener listener = (status, nanos) -> {};
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpFront front;

  /**
   * @param authorizer checks the bearer token of every route that requires authorization
   * @param edge what the deployed edge does to a request before the API sees it
   */
  public HttpGateway(int port, List<HttpRoute> routes, HttpAuthorizer authorizer, HttpEdge edge) throws IOException {
    this.routes = routes.stream().sorted(Comparator.comparingInt(HttpRoute::specificity).reversed()).toList();
    this.authorizer = authorizer;
    this.edge = edge;
    // Clients reach the HttpServer only through the front, which reads their requests (HttpFront says why); its
    // threads then never wait on a client, and none queues: a slow function call holds one thread, not health's.
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    this.front = new HttpFront(port, server.getAddress(), MAX_BODY, HttpFront.HEAD_TIMEOUT, HttpFront.IDLE_TIMEOUT);
    this.executor = new ThreadPoolExecutor(16, HttpFront.MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "http-gateway");
          t.setDaemon(true);
          return t;
        });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Who hears of each routed request once answered (one listener; the local stack's metrics). */
  public HttpGateway onRequest(RequestListener listener) {
    this.listener = java.util.Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Serves {@code prefix} (a path or path prefix ending in /) with a handler of the gateway's own. */
  public HttpGateway serve(String prefix, HttpHandler handler) {
    builtIns.put(prefix, handler);
    return this;
  }

  public HttpGateway start() {
    server.start();
    front.start();
    return this;
  }

  public int port() {
    return front.port();
  }

  @Override
  public void close() {
    front.close();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      for (var builtIn : builtIns.entrySet()) {
        String prefix = builtIn.getKey();
        if (path.equals(prefix) || (prefix.endsWith("/") && path.startsWith(prefix)) || path.equals(prefix.replaceAll("/$", ""))) {
          builtIn.getValue().handle(exchange);
          return;
        }
      }
      long start = System.nanoTime();
      route(exchange, path);
      listener.answered(exchange.getResponseCode(), System.nanoTime() - start);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "gateway failure", e);
    }
  }

  private void route(HttpExchange exchange, String rawPath) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    List<String> segments = HttpRoute.segments(rawPath).stream().map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    HttpRoute route = null;
    Map<String, String> pathParams = null;
    for (HttpRoute candidate : routes) {
      Optional<Map<String, String>> m = candidate.match(method, segments);
      if (m.isPresent()) {
        route = candidate;
        pathParams = m.get();
        break;
      }
    }
    if (route == null) {
      writeError(exchange, 404, "not_found", "no route for " + method + " " + rawPath);
      return;
    }
    if (!edge.serves(exchange.getRequestHeaders().getFirst("Host"))) {
      writeError(exchange, 421, "misdirected_request", "this edge does not serve that host");
      return;
    }
    Map<String, String> claims = null;
    if (route.authorized()) {
      claims = authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization")).orElse(null);
      if (claims == null) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
        writeError(exchange, 401, "unauthorized", "a valid bearer token is required");
        return;
      }
    }
    byte[] body = readBody(exchange);
    if (body == null) {
      writeError(exchange, 413, "payload_too_large", "request body exceeds " + MAX_BODY + " bytes");
      return;
    }
    String responseJson;
    try {
      responseJson = route.function().invoke(Json.write(event(exchange, edge, route, pathParams, claims, body)));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "function " + route.function().name() + " failed", e);
      writeError(exchange, 500, "internal_error", "Internal Server Error");
      return;
    }
    writeResponse(exchange, method, responseJson);
  }

  private static ObjectNode event(HttpExchange exchange, HttpEdge edge, HttpRoute route, Map<String, String> pathParams,
      Map<String, String> claims, byte[] body) {
    ObjectNode event = Json.object();
    String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    event.put("version", "2.0").put("routeKey", route.routeKey()).put("rawPath", exchange.getRequestURI().getRawPath())
        .put("rawQueryString", rawQuery);
    ObjectNode headers = event.putObject("headers");
    List<String> cookies = new ArrayList<>();
    Map<String, List<String>> viewerHeaders = new LinkedHashMap<>(exchange.getRequestHeaders());
    viewerHeaders.keySet().removeIf(name -> name.equalsIgnoreCase(FrontConnection.VIEWER_HEADER));
    edge.originHeaders(viewerHeaders, viewer(exchange)).forEach((lower, value) -> {
      if (lower.equals("cookie")) { for (String c : value.split(";")) cookies.add(c.trim()); }
      else headers.put(lower, value);
    });
    if (!cookies.isEmpty()) cookies.forEach(event.putArray("cookies")::add);
    if (!rawQuery.isEmpty()) {
      Map<String, String> query = new LinkedHashMap<>();
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.merge(k, v, (a, b) -> a + "," + b);
      }
      ObjectNode q = event.putObject("queryStringParameters");
      query.forEach(q::put);
    }
    if (!pathParams.isEmpty()) {
      ObjectNode p = event.putObject("pathParameters");
      pathParams.forEach(p::put);
    }
    Instant now = Instant.now();
    ObjectNode ctx = event.putObject("requestContext");
    ctx.put("accountId", AwsAccount.ACCOUNT_ID).put("apiId", "local").put("domainName", headerOr(exchange, "Host", "127.0.0.1"))
        .put("domainPrefix", "local").put("requestId", UUID.randomUUID().toString()).put("routeKey", route.routeKey())
        .put("stage", "$default").put("time", REQUEST_TIME.format(now)).put("timeEpoch", now.toEpochMilli());
    ctx.putObject("http").put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT))
        .put("path", exchange.getRequestURI().getRawPath()).put("protocol", exchange.getProtocol())
        .put("sourceIp", viewer(exchange).getAddress().getHostAddress())
        .put("userAgent", headerOr(exchange, "User-Agent", ""));
    if (claims != null) {
      ObjectNode jwt = ctx.putObject("authorizer").putObject("jwt");
      ObjectNode c = jwt.putObject("claims");
      claims.forEach(c::put);
      jwt.putNull("scopes");
    }
    if (body.length > 0) {
      String contentType = headerOr(exchange, "Content-Type", "").toLowerCase(Locale.ROOT);
      boolean text = contentType.isEmpty() || contentType.startsWith("text/") || contentType.contains("json")
          || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded");
      event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
      event.put("isBase64Encoded", !text);
    } else {
      event.put("isBase64Encoded", false);
    }
    return event;
  }

  private static void writeResponse(HttpExchange exchange, String method, String responseJson) throws IOException {
    JsonNode response = responseJson == null ? Json.object() : Json.tree(responseJson);
    int status = response.path("statusCode").asInt(200);
    response.path("headers").fields().forEachRemaining(h -> exchange.getResponseHeaders().set(h.getKey(), h.getValue().asText()));
    response.path("multiValueHeaders").fields().forEachRemaining(h -> h.getValue().forEach(v -> exchange.getResponseHeaders().add(h.getKey(), v.asText())));
    response.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
    exchange.getResponseHeaders().set("apigw-requestid", UUID.randomUUID().toString());
    byte[] body = new byte[0];
    JsonNode b = response.get("body");
    if (b != null && !b.isNull()) {
      body = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(b.asText()) : b.asText().getBytes(StandardCharsets.UTF_8);
    }
    write(exchange, method, status, body);
  }

  public static void writeError(HttpExchange exchange, int status, String code, String message) throws IOException {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    write(exchange, exchange.getRequestMethod(), status, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a complete response; a HEAD response carries the headers but no body, like API Gateway's. */
  public static void write(HttpExchange exchange, String method, int status, byte[] body) throws IOException {
    boolean noBody = "HEAD".equalsIgnoreCase(method) || status == 204 || status == 304 || body.length == 0;
    if (noBody && body.length > 0) exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String headerOr(HttpExchange exchange, String name, String fallback) {
    String v = exchange.getRequestHeaders().getFirst(name);
    return v == null ? fallback : v;
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    }
  }

  /** The client's address as the front saw it (the HttpServer's own peer is the front). */
  private static InetSocketAddress viewer(HttpExchange exchange) {
    InetSocketAddress viewer = FrontConnection.viewer(exchange.getRequestHeaders().getFirst(FrontConnection.VIEWER_HEADER));
    return viewer != null ? viewer : exchange.getRemoteAddress();
  }
}
