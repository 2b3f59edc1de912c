package dev.linkpulse.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handler that serves the dashboard: files, types, config, security headers, HEAD, 404s, traversal. */
class DashboardHandlerTest {
  static final String API = "http://127.0.0.1:8080";
  static final String WS = "ws://127.0.0.1:8081";
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws://127.0.0.1:8081 "
      + "http://127.0.0.1:8080; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  static HttpServer server;
  static String base;
  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", new DashboardHandler(API, WS));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  record Reply(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  static Reply send(String method, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, String> h = new LinkedHashMap<>();
    r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    return new Reply(r.statusCode(), h, r.body());
  }

  static Reply get(String path) throws Exception {
    return send("GET", path, Map.of());
  }

  /** Sends the request line byte for byte (no client-side normalisation of dots or escapes) and returns the status. */
  static int rawStatus(String rawPath) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int c; (c = in.read()) != -1 && c != '\n'; ) line.write(c);
      String status = line.toString(StandardCharsets.ISO_8859_1);
      assertThat(status).startsWith("HTTP/1.1 ");
      String rest = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int code = Integer.parseInt(status.substring(9, 12));
      if (code == 404) assertThat(rest).contains("\"code\":\"not_found\"");
      return code;
    }
  }

  static void assertSecurityHeaders(Reply r) {
    assertThat(r.header("Content-Security-Policy")).isEqualTo(CSP);
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
  }

  @Test
  void theBarePathRedirectsToTheFolderSoRelativeUrlsResolve() throws Exception {
    Reply r = get("/dashboard");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location")).isEqualTo("/dashboard/");
    assertSecurityHeaders(r);
    assertThat(get("/dashboard?x=1").header("Location")).isEqualTo("/dashboard/?x=1");
  }

  @Test
  void theFolderIsTheIndexPage() throws Exception {
    Reply r = get("/dashboard/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(r.text()).contains("<script type=\"module\" src=\"app.js\"></script>").contains("Run <code>./linkpulse token alice</code> and paste the token");
    assertSecurityHeaders(r);
    assertThat(get("/dashboard/index.html").body()).isEqualTo(r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"app.js:text/javascript; charset=utf-8", "dom.js:text/javascript; charset=utf-8",
      "live.js:text/javascript; charset=utf-8", "socket.js:text/javascript; charset=utf-8", "api.js:text/javascript; charset=utf-8",
      "token.js:text/javascript; charset=utf-8", "style.css:text/css; charset=utf-8", "icon.svg:image/svg+xml",
      "vendor/chart.umd.js:text/javascript; charset=utf-8"})
  void filesHaveTheirContentTypes(String fileAndType) throws Exception {
    String file = fileAndType.substring(0, fileAndType.indexOf(':'));
    Reply r = get("/dashboard/" + file);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo(fileAndType.substring(fileAndType.indexOf(':') + 1));
    assertThat(r.body()).isNotEmpty();
    assertSecurityHeaders(r);
  }

  @Test
  void chartJsComesFromTheWebJar() throws Exception {
    Reply r = get("/dashboard/vendor/chart.umd.js");
    assertThat(r.text()).contains("Chart.js v4.5.1");
  }

  @Test
  void configJsonNamesTheApiAndTheWebSocketApi() throws Exception {
    Reply r = get("/dashboard/config.json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    JsonNode config = Json.tree(r.text());
    assertThat(config.path("api").asText()).isEqualTo(API);
    assertThat(config.path("ws").asText()).isEqualTo(WS);
    assertSecurityHeaders(r);
  }

  @Test
  void theCspAdmitsExactlyTheConfiguredOrigins() throws Exception {
    DashboardHandler h = new DashboardHandler("https://api.example.com/", "wss://live.example.com/prod");
    assertThat(h.contentSecurityPolicy()).contains("connect-src 'self' wss://live.example.com https://api.example.com;")
        .doesNotContain("unsafe").doesNotContain("*");
  }

  @Test
  void unknownFilesAreJson404sWithTheSameHeaders() throws Exception {
    for (String path : new String[] {"/dashboard/nope.js", "/dashboard/README.md", "/dashboard/vendor/other.js", "/dashboardx", "/other"}) {
      Reply r = get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      JsonNode error = Json.tree(r.text()).path("error");
      assertThat(error.path("code").asText()).isEqualTo("not_found");
      assertThat(error.path("message").asText()).isNotBlank();
      assertSecurityHeaders(r);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dashboard/../dev/linkpulse/local/dashboard/DashboardHandler.class", "/dashboard/..%2fpom.xml",
      "/dashboard/%2e%2e/dashboard/index.html", "/dashboard/..%5c..%5csimplelogger.properties", "/dashboard/../simplelogger.properties",
      "/dashboard/vendor/../app.js", "/dashboard//etc/passwd", "/dashboard/.%2e/.%2e/etc/passwd", "/dashboard/%2fetc%2fpasswd",
      "/dashboard/..", "/dashboard/.", "/dashboard/./app.js", "/dashboard/dashboard/index.html",
      "/dashboard/META-INF/MANIFEST.MF", "/dashboard/vendor/../../META-INF/resources/webjars/chart.js/4.5.1/package.json",
      "/dashboard/app.js%00.css", "/dashboard/app.js/", "/dashboard/%61pp.js"})
  void nothingOutsideTheFolderIsReachable(String rawPath) throws Exception {
    assertThat(rawStatus(rawPath)).as(rawPath).isEqualTo(404);
  }

  @Test
  void rawRequestsReachTheHandlerUnchanged() throws Exception {
    assertThat(rawStatus("/dashboard/app.js")).isEqualTo(200);
  }

  @Test
  void headAnswersTheHeadersOfGetWithoutABody() throws Exception {
    Reply get = get("/dashboard/app.js");
    Reply head = send("HEAD", "/dashboard/app.js", Map.of());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(get.body().length));
    assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
    assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
    assertSecurityHeaders(head);
    assertThat(send("HEAD", "/dashboard/", Map.of()).status()).isEqualTo(200);
    assertThat(send("HEAD", "/dashboard/missing.js", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void revalidationWithTheEtagIsA304() throws Exception {
    Reply first = get("/dashboard/style.css");
    assertThat(first.header("ETag")).matches("\"[0-9a-f]{32}\"");
    Reply again = send("GET", "/dashboard/style.css", Map.of("If-None-Match", first.header("ETag")));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertSecurityHeaders(again);
    assertThat(send("GET", "/dashboard/style.css", Map.of("If-None-Match", "\"stale\"")).status()).isEqualTo(200);
  }

  @Test
  void otherMethodsAre405() throws Exception {
    for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS"}) {
      Reply r = send(method, "/dashboard/", Map.of());
      assertThat(r.status()).as(method).isEqualTo(405);
      assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
      assertThat(Json.tree(r.text()).path("error").path("code").asText()).isEqualTo("method_not_allowed");
      assertSecurityHeaders(r);
    }
  }
}
