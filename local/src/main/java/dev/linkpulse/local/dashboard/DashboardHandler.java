package dev.linkpulse.local.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.linkpulse.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serves the live dashboard: the static page from the classpath folder {@code dashboard/}, Chart.js from its
 * WebJar as {@code vendor/chart.umd.js}, and {@code config.json} (the API and WebSocket endpoints), the one
 * environment-specific file. Everything else is the same bytes that can be uploaded as-is to S3 behind CloudFront.
 *
 * <ul>
 *   <li>{@code /dashboard} redirects to {@code /dashboard/} (as an S3 website or CloudFront does for a folder): the
 *   page refers to its files by relative URLs, which is what lets it live under any path.</li>
 *   <li>{@code /dashboard/} is {@code index.html}; {@code /dashboard/<file>} a file of the folder (flat names of
 *   known types only: anything else, including every path-traversal attempt, is a JSON 404).</li>
 *   <li>{@code GET} and {@code HEAD}; other methods answer 405.</li>
 *   <li>Every response carries a strict Content-Security-Policy (no inline scripts or styles; connections only to
 *   this origin, the API and the WebSocket API), {@code nosniff}, {@code no-referrer} and {@code no-cache} (with an
 *   ETag, so revalidation is a cheap 304).</li>
 * </ul>
 *
 * <p>On AWS the same files go to S3 behind CloudFront: upload the classpath folder {@code dashboard/} as it is, Chart.js
 * from the WebJar ({@value #CHART_JS}) as {@code vendor/chart.umd.js}, and that environment's {@code config.json}.
 * CloudFront then has to do what this handler does besides serving bytes: the same headers (a response headers
 * policy whose CSP names that environment's API and WebSocket origins in {@code connect-src}) and the
 * {@code /dashboard} to {@code /dashboard/} redirect with {@code index.html} as the folder's page. Served from another
 * origin than the API, the page also needs the HTTP API to allow it by CORS ({@code Authorization} and
 * {@code Content-Type} request headers).
 */
public final class DashboardHandler implements HttpHandler {
  static final String PATH = "/dashboard";
  static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.js";
  private static final String FOLDER = "dashboard/";
  /** One flat file name: no separators, no leading dot, no percent-escapes, so nothing can leave the folder. */
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9]+)+");
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("webmanifest", "application/manifest+json"),
      Map.entry("txt", "text/plain; charset=utf-8"));

  private final String configJson;
  private final String contentSecurityPolicy;

  /**
   * @param apiBaseUrl the HTTP API the page calls, e.g. {@code http://127.0.0.1:8080}
   * @param webSocketUrl the WebSocket API the page subscribes on, e.g. {@code ws://127.0.0.1:8081}
   */
  public DashboardHandler(String apiBaseUrl, String webSocketUrl) {
    ObjectNode config = Json.object();
    config.put("api", stripSlash(apiBaseUrl));
    config.put("ws", stripSlash(webSocketUrl));
    this.configJson = Json.write(config);
    Set<String> connect = new LinkedHashSet<>();
    connect.add("'self'");
    origin(webSocketUrl).ifPresent(connect::add);
    origin(apiBaseUrl).ifPresent(connect::add);
    this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src "
        + String.join(" ", connect) + "; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  }

  /** The Content-Security-Policy every response carries. */
  public String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Security-Policy", contentSecurityPolicy);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("Cache-Control", "no-cache");
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getRawPath();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        headers.set("Allow", "GET, HEAD");
        error(exchange, 405, "method_not_allowed", method + " is not allowed here; use GET or HEAD");
        return;
      }
      if (path.equals(PATH)) {
        String query = exchange.getRequestURI().getRawQuery();
        headers.set("Location", PATH + "/" + (query == null ? "" : "?" + query));
        send(exchange, 302, new byte[0]);
        return;
      }
      if (!path.startsWith(PATH + "/")) {
        notFound(exchange, path);
        return;
      }
      String name = path.substring(PATH.length() + 1);
      if (name.isEmpty()) name = "index.html";
      if (name.equals("config.json")) {
        file(exchange, "application/json", configJson.getBytes(StandardCharsets.UTF_8));
      } else if (name.equals("vendor/chart.umd.js")) {
        byte[] body = resource(CHART_JS);
        if (body == null) notFound(exchange, path);
        else file(exchange, TYPES.get("js"), body);
      } else {
        String type = FILE.matcher(name).matches() ? TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)) : null;
        byte[] body = type == null ? null : resource(FOLDER + name);
        if (body == null) notFound(exchange, path);
        else file(exchange, type, body);
      }
    }
  }

  private static void file(HttpExchange exchange, String type, byte[] body) throws IOException {
    String etag = "\"" + sha256(body) + "\"";
    exchange.getResponseHeaders().set("ETag", etag);
    exchange.getResponseHeaders().set("Content-Type", type);
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || Set.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag))) {
      send(exchange, 304, new byte[0]);
      return;
    }
    send(exchange, 200, body);
  }

  private static void notFound(HttpExchange exchange, String path) throws IOException {
    error(exchange, 404, "not_found", "no such dashboard file: " + path);
  }

  private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** A HEAD response carries the GET response's headers (Content-Length included) but no body. */
  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    boolean empty = body.length == 0 || status == 304;
    if (head && !empty) exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
    exchange.sendResponseHeaders(status, head || empty ? -1 : body.length);
    if (!head && !empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] resource(String name) throws IOException {
    ClassLoader loader = DashboardHandler.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stripSlash(String url) {
    if (url == null) return "";
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** {@code scheme://host[:port]} of a URL, as CSP source expressions spell an origin. */
  private static java.util.Optional<String> origin(String url) {
    if (url == null || url.isBlank()) return java.util.Optional.empty();
    URI uri = URI.create(url.trim());
    if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException("not an absolute URL: " + url);
    return java.util.Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
  }
}
