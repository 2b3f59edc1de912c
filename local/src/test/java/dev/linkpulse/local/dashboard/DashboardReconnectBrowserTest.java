package dev.linkpulse.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live view's connection handling in a real browser, against a stand-in API and a WebSocket server this test
 * can stop, restart and make reject the token: live → reconnecting (with backoff) → live again and re-subscribed;
 * a rejected token → "offline: sign in again".
 */
class DashboardReconnectBrowserTest {
  static final String GOOD = jwt("carol");

  static HttpServer http;
  static int wsPort;
  static volatile boolean revoked;
  static FakeLive live;
  static final List<String> subscribes = new CopyOnWriteArrayList<>();
  static Chromium chromium;
  static ChromeDriver driver;

  /** A WebSocket server that speaks the dashboard's protocol and checks ?token= in the handshake. */
  static final class FakeLive extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    FakeLive(int port) {
      super(new InetSocketAddress("127.0.0.1", port));
      setReuseAddr(true);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
        throws InvalidDataException {
      ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
      if (revoked || !request.getResourceDescriptor().equals("/?token=" + GOOD)) {
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Unauthorized");
      }
      return response;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      try {
        JsonNode frame = Json.tree(message);
        String code = frame.path("code").asText();
        if (frame.path("action").asText().equals("subscribe")) {
          subscribes.add(code);
          conn.send(Json.write(Json.object().put("type", "subscribed").put("code", code)));
        }
      } catch (Exception e) {
        conn.send("{\"type\":\"error\",\"code\":\"bad_request\",\"message\":\"not JSON\"}");
      }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }

    void push(String json) {
      broadcast(json);
    }
  }

  static String jwt(String sub) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"" + sub + "\",\"exp\":" + Instant.now().plus(Duration.ofHours(1)).getEpochSecond() + "}")
        .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2ln";
  }

  static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void api(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (revoked || !("Bearer " + GOOD).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        json(exchange, 401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"a valid bearer token is required\"}}");
      } else if (path.equals("/links")) {
        // Two pages: the newest link, then (with the cursor) an older one.
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        assertThat(query).startsWith("limit=20");
        json(exchange, 200, query.contains("cursor=page%202") || query.contains("cursor=page 2")
            ? "{\"items\":[{\"code\":\"older\",\"shortUrl\":\"http://127.0.0.1/older\",\"url\":\"https://example.com/old\","
                + "\"redirect\":301,\"createdAt\":\"" + Instant.now().minus(Duration.ofDays(3)) + "\"}]}"
            : "{\"items\":[{\"code\":\"abc\",\"shortUrl\":\"http://127.0.0.1/abc\",\"url\":\"https://example.com/<b>not bold</b>\","
                + "\"redirect\":302,\"createdAt\":\"" + Instant.now() + "\"}],\"cursor\":\"page 2\"}");
      } else if (path.equals("/links/abc/stats")) {
        // 5 clicks two hours ago, none yet this hour (the second request: ?from=<this hour>).
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        boolean thisHour = String.valueOf(exchange.getRequestURI().getQuery()).contains("from=");
        json(exchange, 200, thisHour
            ? "{\"total\":0,\"human\":0,\"bot\":0,\"uniques\":0,\"series\":[{\"start\":\"" + hour + "\",\"total\":0,\"human\":0}],\"top\":{}}"
            : "{\"total\":5,\"human\":4,\"bot\":1,\"uniques\":3,\"series\":[{\"start\":\"" + hour.minus(Duration.ofHours(2)) + "\",\"total\":5,\"human\":4},"
                + "{\"start\":\"" + hour + "\",\"total\":0,\"human\":0}],\"top\":{\"countries\":[{\"value\":\"FR\",\"count\":4}]}}");
      } else {
        json(exchange, 404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no such link\"}}");
      }
    }
  }

  static FakeLive startLive() throws InterruptedException {
    FakeLive server = new FakeLive(wsPort);
    server.start();
    assertThat(server.started.await(10, TimeUnit.SECONDS)).isTrue();
    return server;
  }

  @RegisterExtension
  static final ExecutionCondition chromiumInstalled = Chromium.INSTALLED;

  @BeforeAll
  static void start() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      wsPort = s.getLocalPort();
    }
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String origin = "http://127.0.0.1:" + http.getAddress().getPort();
    DashboardHandler dashboard = new DashboardHandler(origin, "ws://127.0.0.1:" + wsPort);
    http.createContext("/", exchange -> {
      if (exchange.getRequestURI().getPath().startsWith("/dashboard")) dashboard.handle(exchange);
      else api(exchange);
    });
    http.start();
    live = startLive();

    chromium = new Chromium(1280, 1000);
    driver = chromium.driver;
    driver.get(origin + "/dashboard/");
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) chromium.close();
    if (live != null) live.stop(1000);
    if (http != null) http.stop(0);
  }

  static WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
  }

  @Test
  void reconnectsResubscribesAndGivesUpOnARejectedToken() throws Exception {
    waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    driver.findElement(By.id("token")).sendKeys("Bearer " + GOOD + "\n"); // a pasted "Bearer " is forgiven; Enter signs in
    waitUpTo(20).until(ExpectedConditions.textToBe(By.id("who"), "carol"));
    // Data is text, never markup.
    By target = By.cssSelector("#links li[data-code='abc'] .link-target");
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(target));
    assertThat(driver.findElement(target).getText()).isEqualTo("https://example.com/<b>not bold</b>");
    assertThat(driver.findElements(By.cssSelector("#links b"))).isEmpty();
    // "Load more" follows the cursor, then disappears.
    waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("load-more"))).click();
    waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#links li[data-code='older']")));
    assertThat(driver.findElements(By.cssSelector("#links li.link-row"))).extracting(e -> e.getAttribute("data-code")).containsExactly("abc", "older");
    waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("load-more")));

    driver.findElement(By.cssSelector("#links li[data-code='abc'] .btn-live")).click();
    waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-state", "live"));
    waitUpTo(20).until(ExpectedConditions.textToBe(By.id("stat-total"), "5"));
    assertThat(subscribes).containsExactly("abc");

    // A push for this hour: its counter (2 clicks) joins the 5 of the stats.
    String hour = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
    String minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString();
    live.push("{\"type\":\"clicks\",\"code\":\"abc\",\"at\":\"" + Instant.now() + "\",\"hour\":\"" + hour + "\",\"total\":2,\"human\":2,"
        + "\"bot\":0,\"uniques\":2,\"delta\":{\"total\":2,\"human\":2,\"bot\":0},\"minutes\":[{\"minute\":\"" + minute + "\",\"total\":2,\"human\":2}],"
        + "\"top\":{\"countries\":[{\"value\":\"DE\",\"count\":2}],\"referrers\":[],\"browsers\":[]}}");
    waitUpTo(20).until(ExpectedConditions.textToBe(By.id("stat-total"), "7"));
    assertThat(driver.findElement(By.id("stat-since")).getText()).isEqualTo("+2");
    assertThat(driver.findElement(By.id("stat-uniques-hour")).getText()).isEqualTo("2");

    // The server goes away: the page says so and retries by itself.
    live.stop(1000);
    waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-state", "reconnecting"));
    assertThat(driver.findElement(By.id("conn-text")).getText()).isEqualTo("reconnecting…");
    Thread.sleep(2500); // a few failed attempts, backing off
    live = startLive();
    waitUpTo(40).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-state", "live"));
    assertThat(subscribes).containsExactly("abc", "abc");
    assertThat(driver.findElement(By.id("stat-total")).getText()).isEqualTo("7");

    // The token is revoked: the handshake fails, the API says 401, the page stops retrying and says why.
    revoked = true;
    live.stop(1000);
    live = startLive();
    waitUpTo(40).until(ExpectedConditions.textToBe(By.id("conn-text"), "offline: sign in again"));
    assertThat(driver.findElement(By.id("conn")).getAttribute("data-state")).isEqualTo("offline");
    assertThat(driver.findElement(By.id("banner")).isDisplayed()).isTrue();
    int attempts = subscribes.size();
    Thread.sleep(3000);
    assertThat(driver.findElement(By.id("conn-text")).getText()).isEqualTo("offline: sign in again");
    assertThat(subscribes).hasSize(attempts);

    // "Sign in again" returns to the sign-in form, token forgotten.
    driver.findElement(By.id("banner-action")).click();
    waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    assertThat(driver.executeScript("return sessionStorage.getItem('linkpulse.token')")).isNull();
  }
}
