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
 * Issue 11's defects at the HTTP edge, on one stack (each class boots its own, the dearest part of these tests):
 * requests the JDK HttpServer answered itself, before any handler of ours ran, with a {@code text/html} 400 or a
 * reset connection (the lesser defects: every answer is now the API's JSON error); and defect 8, slowloris.
 */
class MalformedRequestsAnswerJsonErrorsTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);
  /** Twice what it took: the gateway's HttpServer had sixteen threads. */
  private static final int HALF_OPEN = 32;

  private final List<Socket> stalled = new ArrayList<>();

  @AfterEach
  void closeStalled() throws Exception {
    for (Socket s : stalled) s.close();
  }

  private static void assertJsonError(RawHttp r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().get("content-type")).isEqualTo("application/json");
    assertThat(r.json().path("error").path("code").asText()).isEqualTo(code);
    assertThat(r.json().path("error").path("message").asText()).isNotBlank();
  }

  private static String host(URI api) {
    return "Host: 127.0.0.1:" + api.getPort();
  }

  /** Lesser defect: a malformed percent-escape in the path or query answered text/html. */
  @Test
  void malformedPercentEncodingAnswersTheJsonBadRequest() throws Exception {
    URI api = URI.create(stack.api());
    for (String target : List.of("/%zz", "/abc%", "/abc%4", "/links/%E0%A4%A", "/health%", "/abc?x=%g1", "/%%30")) {
      assertJsonError(RawHttp.send(api, "GET " + target + " HTTP/1.1\r\n" + host(api)), 400, "malformed_request");
    }
  }

  /** Lesser defect: headers past API Gateway's 10,240 bytes of request line and headers reset the connection. */
  @Test
  void hugeHeadersAnswer431() throws Exception {
    URI api = URI.create(stack.api());
    String oneHuge = "X-Huge: " + "a".repeat(20_000);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 400; i++) many.append("\r\nX-Many-").append(i).append(": ").append("b".repeat(40));
    for (String headers : List.of(oneHuge, many.substring(2), "Cookie: " + "c=".repeat(6_000))) {
      assertJsonError(RawHttp.send(api, "GET /health HTTP/1.1\r\n" + host(api) + "\r\n" + headers), 431, "request_header_fields_too_large");
    }
  }

  /** The limit is API Gateway's, to the byte: a head of exactly 10,240 bytes is served, one more is 431. */
  @Test
  void theLimitIsExactlyApiGatewaysTenKilobytes() throws Exception {
    URI api = URI.create(stack.api());
    String base = "GET /health HTTP/1.1\r\n" + host(api) + "\r\nX-Pad: ";
    int pad = 10_240 - base.length() - "\r\nConnection: close\r\n\r\n".length();
    assertThat(RawHttp.send(api, base + "p".repeat(pad)).status()).isEqualTo(200);
    assertJsonError(RawHttp.send(api, base + "p".repeat(pad + 1)), 431, "request_header_fields_too_large");
  }

  /**
   * Defect 8 (slowloris): sixteen connections that began a request and never finished it held every thread of the
   * gateway's HttpServer, so health and redirects queued behind them for as long as they stayed open. Now each
   * connection waits on a thread of its own, and a head that does not arrive in time is answered 408 and closed.
   */
  @Test
  void slowlorisHalfOpenConnectionsBlockNeitherHealthNorRedirects() throws Exception {
    URI api = URI.create(stack.api());
    String code = stack.post("/links", stack.token("slowloris"), "{\"url\":\"https://example.com/slow\"}").json().get("code").asText();
    for (int i = 0; i < HALF_OPEN; i++) {
      Socket s = new Socket(api.getHost(), api.getPort());
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET /" + code + " HTTP/1.1\r\n" + host(api) + "\r\nX-Never-Ends: ").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      stalled.add(s);
    }

    assertThat(RawHttp.send(api, "GET /health HTTP/1.1\r\n" + host(api)).status()).isEqualTo(200);
    RawHttp redirect = RawHttp.send(api, "GET /" + code + " HTTP/1.1\r\n" + host(api));
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
