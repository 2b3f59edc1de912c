package dev.linkpulse.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RedirectLoadTest {
  private static InputStream wire(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void readsResponsesBackToBackOnOneConnection() throws IOException {
    InputStream in = wire("HTTP/1.1 302 Found\r\nLocation: https://example.com\r\nContent-Length: 5\r\n\r\nhello"
        + "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n"
        + "HTTP/1.1 301 Moved Permanently\r\nConnection: close\r\ncontent-length: 0\r\n\r\n");
    assertThat(RedirectLoad.readResponse(in)).isEqualTo(new RedirectLoad.Response(302, false));
    assertThat(RedirectLoad.readResponse(in)).isEqualTo(new RedirectLoad.Response(404, false));
    assertThat(RedirectLoad.readResponse(in)).isEqualTo(new RedirectLoad.Response(301, true));
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void aTruncatedResponseIsAnError() {
    assertThatThrownBy(() -> RedirectLoad.readResponse(wire("HTTP/1.1 302 Found\r\nContent-Length: 10\r\n\r\nabc")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> RedirectLoad.readResponse(wire("SSH-2.0-OpenSSH\r\n\r\n"))).isInstanceOf(IOException.class);
  }

  @Test
  void sendsEveryRequestRoundRobinAndCountsRedirectsAndFailures() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    var hits = new ConcurrentHashMap<String, AtomicInteger>();
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      if (path.equals("/gone")) {
        exchange.sendResponseHeaders(404, 0);
        exchange.getResponseBody().write("{\"error\":{}}".getBytes(StandardCharsets.UTF_8));
      } else {
        exchange.getResponseHeaders().add("Location", "https://example.com" + path);
        exchange.sendResponseHeaders(302, -1);
      }
      exchange.close();
    });
    server.start();
    try {
      var redirectedPerLink = new AtomicInteger[] {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
      AtomicInteger lastSent = new AtomicInteger();
      try (RedirectLoad load = new RedirectLoad("http://127.0.0.1:" + server.getAddress().getPort(), List.of("a", "b", "gone"), 4,
          link -> redirectedPerLink[link].incrementAndGet())) {
        RedirectLoad.Phase phase = load.send(300, 1000, lastSent::set);
        assertThat(lastSent.get()).isEqualTo(300);
        assertThat(phase.clicks()).isEqualTo(300);
        assertThat(phase.answeredPerSecond()).isPositive();
        assertThat(redirectedPerLink[0].get()).isEqualTo(100);
        assertThat(redirectedPerLink[1].get()).isEqualTo(100);
        assertThat(redirectedPerLink[2].get()).isZero();
        assertThat(phase.failed()).isEqualTo(100);
      }
      assertThat(hits.get("/a").get()).isEqualTo(100);
      assertThat(hits.get("/gone").get()).isEqualTo(100);
    } finally {
      server.stop(0);
    }
  }
}
