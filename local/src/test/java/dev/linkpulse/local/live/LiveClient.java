package dev.linkpulse.local.live;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client of the live API that keeps every text frame it receives and notices when it is closed. */
final class LiveClient implements WebSocket.Listener, AutoCloseable {
  final List<JsonNode> frames = new CopyOnWriteArrayList<>();
  /** Completes with the close status when the server closes the connection (1006 when it breaks without one). */
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  WebSocket socket;

  static LiveClient connect(String webSocketUrl, String token) throws Exception {
    // The handshake runs the authorizer and $connect: a class's first one pays both functions' cold starts.
    LiveClient c = new LiveClient();
    c.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60))
        .buildAsync(URI.create(webSocketUrl + "/?token=" + token), c).get(90, TimeUnit.SECONDS);
    return c;
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        frames.add(Json.tree(partial.toString()));
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed.complete(1006);
  }

  void send(String action, String code) {
    socket.sendText(Json.write(Map.of("action", action, "code", code)), true).join();
  }

  JsonNode awaitFrame(String type) {
    await().atMost(Duration.ofSeconds(60)).until(() -> frames.stream().anyMatch(f -> type.equals(f.path("type").asText())));
    return frames.stream().filter(f -> type.equals(f.path("type").asText())).reduce((a, b) -> b).orElseThrow();
  }

  List<JsonNode> pushes() {
    return frames.stream().filter(f -> "clicks".equals(f.path("type").asText())).toList();
  }

  /** The clicks the pushes so far have added up to. */
  long pushedClicks() {
    return pushes().stream().mapToLong(p -> p.at("/delta/total").asLong()).sum();
  }

  @Override
  public void close() {
    socket.abort();
  }
}
