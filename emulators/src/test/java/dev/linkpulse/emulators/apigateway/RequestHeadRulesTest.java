package dev.linkpulse.emulators.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The front's reading of a request head, one rule a test: API Gateway's HTTP API quota "total combined size of
 * request line and header values: 10240 bytes" (developer guide, Quotas for HTTP APIs), and RFC 9112's request line,
 * origin-form target and field lines.
 */
class RequestHeadRulesTest {
  private static RequestHead read(String head) throws Exception {
    return RequestHead.read(new ByteArrayInputStream(head.getBytes(StandardCharsets.ISO_8859_1)),
        new HeadDeadline(new Socket(), Duration.ofSeconds(30), Duration.ofSeconds(10)));
  }

  @Test
  void aWellFormedHeadKeepsItsLineAndHeaders() throws Exception {
    RequestHead head = read("GET /abc%20d?x=%41 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A:  b \r\n\r\n");
    assertThat(head.method()).isEqualTo("GET");
    assertThat(head.target()).isEqualTo("/abc%20d?x=%41");
    assertThat(head.header("x-a")).isEqualTo("b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/%zz", "/abc%", "/abc%4", "/a?b=%g0", "/%%30", "/a b", "/\u00e9", "abc", "http://x/"})
  void aTargetThatIsNotAPathWithWellFormedEscapesIs400(String target) {
    assertThatThrownBy(() -> read("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"))
        .isInstanceOfSatisfying(RequestHead.Rejection.class, r -> assertThat(r.status).isEqualTo(400));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /\r\n\r\n", "GET / HTTP/2.0\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n",
      "GET / HTTP/1.1\r\n: empty name\r\n\r\n"})
  void aMalformedRequestLineOrHeaderIs400(String head) {
    assertThatThrownBy(() -> read(head)).isInstanceOfSatisfying(RequestHead.Rejection.class, r -> assertThat(r.code).isEqualTo("malformed_request"));
  }

  @Test
  void totalCombinedSizeOfRequestLineAndHeaderValuesIsAtMost10240Bytes() {
    String head = "GET / HTTP/1.1\r\nX: " + "a".repeat(RequestHead.MAX_HEAD) + "\r\n\r\n";
    assertThatThrownBy(() -> read(head)).isInstanceOfSatisfying(RequestHead.Rejection.class, r -> assertThat(r.status).isEqualTo(431));
  }

  @Test
  void aHeadOfExactly10240BytesIsRead() throws Exception {
    String start = "GET / HTTP/1.1\r\nX: ";
    String head = start + "a".repeat(RequestHead.MAX_HEAD - start.length() - 4) + "\r\n\r\n";
    assertThat(head).hasSize(RequestHead.MAX_HEAD);
    assertThat(read(head).header("X")).hasSize(RequestHead.MAX_HEAD - start.length() - 4);
  }

  @Test
  void aConnectionThatEndsBeforeARequestIsNoRequest() throws Exception {
    assertThat(read("")).isNull();
  }
}
