package dev.linkpulse.emulators.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The front before a JDK HttpServer with two threads: requests are relayed whole (keep-alive and bodies included,
 * the viewer named), and clients that stall hold neither the server's threads nor anyone else's answer.
 */
class HttpFrontTest {
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final HttpServer server;
  private final HttpFront front;
  private final List<Socket> sockets = new ArrayList<>();

  HttpFrontTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      byte[] body = (exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst(FrontConnection.VIEWER_HEADER) + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    front = new HttpFront(0, server.getAddress(), 1000, Duration.ofMillis(500), Duration.ofSeconds(30)).start();
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) s.close();
    front.close();
    server.stop(0);
    threads.shutdownNow();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", front.port());
    s.setSoTimeout(60_000);
    sockets.add(s);
    return s;
  }

  private String exchange(String raw) throws IOException {
    Socket s = connect();
    s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
    return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void requestsOnOneConnectionAreRelayedInOrderWithTheirBodiesAndTheViewer() throws IOException {
    String answers = exchange("POST /one HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /two HTTP/1.1\r\nHost: x\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET /three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(answers).containsSubsequence("/one 127.0.0.1:", " hello", "/two 127.0.0.1:", " abc", "/three 127.0.0.1:");
  }

  @Test
  void aClientCannotNameTheViewer() throws IOException {
    String answer = exchange("GET /v HTTP/1.1\r\nHost: x\r\n" + FrontConnection.VIEWER_HEADER + ": 6.6.6.6:1\r\nConnection: close\r\n\r\n");
    assertThat(answer).doesNotContain("6.6.6.6").contains("/v 127.0.0.1:");
  }

  @Test
  void stalledClientsBlockNobodyAndAreAnswered408() throws IOException {
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Socket s = connect();
      s.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: x\r\nX-Never-Ends: ".getBytes(StandardCharsets.ISO_8859_1));
      stalled.add(s);
    }
    assertThat(exchange("GET /fine HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    for (Socket s : stalled) {
      InputStream in = s.getInputStream();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 408").contains("\"request_timeout\"");
    }
  }

  @Test
  void aBodyOverTheLimitIs413AndIsNotRelayed() throws IOException {
    assertThat(exchange("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n")).startsWith("HTTP/1.1 413").contains("payload_too_large");
  }

  @Test
  void contentLengthWithTransferEncodingIsRefused() throws IOException {
    assertThat(exchange("POST /smuggle HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"))
        .startsWith("HTTP/1.1 400");
  }
}
