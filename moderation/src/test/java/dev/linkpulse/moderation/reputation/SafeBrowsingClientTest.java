package dev.linkpulse.moderation.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server playing the provider: what it sends, and every way it can fail to answer. */
class SafeBrowsingClientTest {
  private HttpServer server;
  private final AtomicReference<String> lastQuery = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String body = "{}";
  private volatile long delayMillis;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v4/threatMatches:find", exchange -> {
      lastQuery.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery() + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private SafeBrowsingClient client(Duration timeout) {
    return new SafeBrowsingClient("http://127.0.0.1:" + server.getAddress().getPort() + "/", "k&y", timeout);
  }

  @Test
  void postsTheUrlWithTheKeyAsAQueryParameter() {
    assertThat(client(Duration.ofSeconds(5)).check("https://example.com/").malicious()).isFalse();
    assertThat(lastQuery.get()).startsWith("POST key=k%26y ").contains("\"url\":\"https://example.com/\"");
  }

  @Test
  void aMatchIsMalicious() {
    body = "{\"matches\":[{\"threatType\":\"SOCIAL_ENGINEERING\",\"threat\":{\"url\":\"https://evil.example/\"}}]}";
    assertThat(client(Duration.ofSeconds(5)).check("https://evil.example/").threatTypes()).containsExactly("SOCIAL_ENGINEERING");
  }

  @Test
  void serverErrorsAndRefusalsAreUnavailable() {
    for (int code : new int[] {500, 503, 429, 400, 403}) {
      status = code;
      assertThatThrownBy(() -> client(Duration.ofSeconds(5)).check("https://example.com/")).isInstanceOf(ReputationUnavailable.class)
          .hasMessageContaining(Integer.toString(code));
    }
  }

  @Test
  void aSlowProviderIsUnavailable() {
    delayMillis = 2_000;
    assertThatThrownBy(() -> client(Duration.ofMillis(200)).check("https://example.com/")).isInstanceOf(ReputationUnavailable.class);
  }

  @Test
  void nobodyListeningIsUnavailable() {
    int port = server.getAddress().getPort();
    server.stop(0);
    assertThatThrownBy(() -> new SafeBrowsingClient("http://127.0.0.1:" + port, "k", Duration.ofSeconds(2)).check("https://example.com/"))
        .isInstanceOf(ReputationUnavailable.class);
  }
}
