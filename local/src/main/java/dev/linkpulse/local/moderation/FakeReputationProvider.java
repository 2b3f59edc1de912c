package dev.linkpulse.local.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.core.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local stack's reputation provider: {@code POST /v4/threatMatches:find} shaped like Google Safe Browsing v4,
 * answering as it is told. {@code POST /_admin/reputation} with {@code {"mode": "safe|malicious|slow|5xx"}} switches
 * it (every URL is then safe, listed as SOCIAL_ENGINEERING, answered after {@code slowMillis}, or refused with 503);
 * {@code GET /_admin/reputation} shows the mode and how many lookups it has answered.
 */
public final class FakeReputationProvider implements AutoCloseable {
  public enum Mode { SAFE, MALICIOUS, SLOW, ERROR }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-reputation");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.SAFE);
  private final AtomicInteger lookups = new AtomicInteger();
  private volatile long slowMillis = 10_000;

  private FakeReputationProvider(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/v4/threatMatches:find", this::find);
    server.createContext("/_admin/reputation", this::admin);
    server.setExecutor(threads);
  }

  public static FakeReputationProvider start(int port) throws IOException {
    FakeReputationProvider provider = new FakeReputationProvider(port);
    provider.server.start();
    return provider;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void mode(Mode answer) {
    mode.set(answer);
  }

  public Mode mode() {
    return mode.get();
  }

  public int lookups() {
    return lookups.get();
  }

  private void find(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = Json.tree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      lookups.incrementAndGet();
      Mode now = mode.get();
      if (now == Mode.ERROR) {
        write(exchange, 503, Map.of("error", Map.of("code", 503, "message", "The service is currently unavailable.", "status", "UNAVAILABLE")));
        return;
      }
      if (now == Mode.SLOW) sleep();
      List<Object> matches = now != Mode.MALICIOUS ? List.of() : java.util.stream.StreamSupport
          .stream(request.path("threatInfo").path("threatEntries").spliterator(), false)
          .map(entry -> (Object) Map.of("threatType", "SOCIAL_ENGINEERING", "platformType", "ANY_PLATFORM", "threatEntryType", "URL",
              "threat", Map.of("url", entry.path("url").asText()), "cacheDuration", "300s"))
          .toList();
      write(exchange, 200, matches.isEmpty() ? Map.of() : Map.of("matches", matches));
    } catch (IOException | RuntimeException e) {
      write(exchange, 400, Map.of("error", Map.of("code", 400, "message", "Invalid JSON payload received.")));
    }
  }

  private void admin(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (exchange.getRequestMethod().equals("POST")) {
        JsonNode body;
        try {
          body = Json.strictTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          mode.set(parse(body.path("mode").asText()));
          if (body.has("slowMillis")) slowMillis = body.get("slowMillis").asLong();
        } catch (IOException | IllegalArgumentException e) {
          write(exchange, 400, Map.of("error", "mode must be one of safe, malicious, slow, 5xx"));
          return;
        }
      }
      write(exchange, 200, Map.of("mode", label(mode.get()), "lookups", lookups.get(), "slowMillis", slowMillis));
    }
  }

  static Mode parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "safe" -> Mode.SAFE;
      case "malicious" -> Mode.MALICIOUS;
      case "slow" -> Mode.SLOW;
      case "5xx", "error" -> Mode.ERROR;
      default -> throw new IllegalArgumentException(text);
    };
  }

  static String label(Mode m) {
    return m == Mode.ERROR ? "5xx" : m.name().toLowerCase(Locale.ROOT);
  }

  private void sleep() {
    try {
      Thread.sleep(slowMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
