package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.testkit.StackExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Defect 8 of issue 11: sixteen connections that began a request and never finished it held every thread of the
 * gateway's HttpServer, so health and redirects queued behind them for as long as they stayed open. Now each
 * connection waits on a thread of its own, and a head that does not arrive in time is answered 408 and closed.
 */
class SlowlorisCannotStallTheApiTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);
  /** Twice what it took: the gateway's HttpServer had sixteen threads. */
  private static final int HALF_OPEN = 32;

  private final List<Socket> stalled = new ArrayList<>();

  @AfterEach
  void closeThem() throws Exception {
    for (Socket s : stalled) s.close();
  }

  @Test
  void halfOpenConnectionsBlockNeitherHealthNorRedirects() throws Exception {
    URI api = URI.create(stack.api());
    String code = stack.post("/links", stack.token("slowloris"), "{\"url\":\"https://example.com/slow\"}").json().get("code").asText();
    for (int i = 0; i < HALF_OPEN; i++) {
      Socket s = new Socket(api.getHost(), api.getPort());
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET /" + code + " HTTP/1.1\r\nHost: 127.0.0.1:" + api.getPort() + "\r\nX-Never-Ends: ").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      stalled.add(s);
    }

    assertThat(RawHttp.send(api, "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + api.getPort()).status()).isEqualTo(200);
    RawHttp redirect = RawHttp.send(api, "GET /" + code + " HTTP/1.1\r\nHost: 127.0.0.1:" + api.getPort());
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.headers().get("location")).isEqualTo("https://example.com/slow");

    // Request reads have a deadline: each stalled head is answered, not left holding a thread.
    for (Socket s : stalled) {
      RawHttp timedOut = RawHttp.read(s.getInputStream());
      assertThat(timedOut.status()).isEqualTo(408);
      assertThat(timedOut.json().path("error").path("code").asText()).isEqualTo("request_timeout");
    }
  }
}
