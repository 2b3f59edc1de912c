package dev.linkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackExtensionTest {
  /** A stand-in stack: an HTTP server that echoes the request's method, path and Authorization header as JSON. */
  static final class EchoStack implements AutoCloseable {
    final Map<String, String> parameters;
    final HttpServer server;
    boolean closed;

    EchoStack(Map<String, String> parameters) throws IOException {
      this.parameters = parameters;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + exchange.getRequestURI().getPath()
            + "\",\"auth\":\"" + auth + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Echo", "a");
        exchange.getResponseHeaders().add("X-Echo", "b");
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/moved") ? 302 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String token(String user) {
      return "token-of-" + user;
    }

    @Override
    public void close() {
      server.stop(0);
      closed = true;
    }
  }

  @Test
  void startsTheStackWithTheParametersAndClosesItAfterTheClass() throws Exception {
    StackExtension<EchoStack> extension = new StackExtension<>(EchoStack::new, EchoStack::url, EchoStack::token)
        .parameter("LinkCacheSeconds", "1");
    extension.beforeAll(null);
    EchoStack stack = extension.stack();
    assertThat(stack.parameters).containsExactly(Map.entry("LinkCacheSeconds", "1"));
    assertThat(extension.api()).isEqualTo(stack.url());
    extension.afterAll(null);
    assertThat(stack.closed).isTrue();
  }

  @Test
  void requestsCarryTheTokenAndAnswersAreReadAsJsonWithoutFollowingRedirects() throws Exception {
    StackExtension<EchoStack> extension = new StackExtension<>(EchoStack::new, EchoStack::url, EchoStack::token);
    extension.beforeAll(null);
    try {
      ApiResponse got = extension.get("/links", extension.token("alice"));
      assertThat(got.status()).isEqualTo(200);
      assertThat(got.json().path("auth").asText()).isEqualTo("Bearer token-of-alice");
      assertThat(got.header("X-ECHO")).isEqualTo("a,b");
      assertThat(extension.post("/links", null, "{}").json().path("auth").asText()).isEqualTo("null");
      assertThat(extension.delete("/links/x", null).json().path("method").asText()).isEqualTo("DELETE");
      assertThat(extension.get("/moved", null).status()).isEqualTo(302);
    } finally {
      extension.afterAll(null);
    }
  }

  @Test
  void aBodyThatIsNotJsonFailsTheTestWithTheBody() {
    ApiResponse text = new ApiResponse(200, Map.of(), "plain words");
    assertThatThrownBy(text::json).isInstanceOf(AssertionError.class).hasMessageContaining("plain words");
    assertThat(new ApiResponse(204, Map.of(), "").json().isMissingNode()).isTrue();
  }
}
