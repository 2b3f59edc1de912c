package dev.linkpulse.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufferedBodyConnectionTest {
  /** An HTTP/1.1 server on loopback that keeps connections alive and records each request's Content-Length and body. */
  private static final class RecordingServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    final AtomicInteger connections = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Thread thread = new Thread(this::serve, "recording-server");

    RecordingServer() throws IOException {
      thread.setDaemon(true);
      thread.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    private void serve() {
      try {
        while (true) {
          Socket s = socket.accept();
          connections.incrementAndGet();
          Thread t = new Thread(() -> answer(s));
          t.setDaemon(true);
          t.start();
        }
      } catch (IOException closed) {
        // the test is over
      }
    }

    private void answer(Socket s) {
      try (s) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          int length = 0;
          for (; !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
          }
          char[] body = new char[length];
          for (int read = 0; read < length; ) read += in.read(body, read, length - read);
          requests.add(length + " " + new String(body));
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (IOException gone) {
        // the client closed the connection
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static String post(URI uri, String body) throws IOException {
    HttpURLConnection c = new UrlConnections(Duration.ofSeconds(2), Duration.ofSeconds(5)).createConnection(uri);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setFixedLengthStreamingMode((long) bytes.length); // what the SDK's URL-connection client does
    try (OutputStream out = c.getOutputStream()) {
      out.write(bytes);
    }
    assertThat(c.getResponseCode()).isEqualTo(200);
    try (var in = c.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aPostAskedToStreamSendsItsWholeBodyWithItsLength() throws Exception {
    try (RecordingServer server = new RecordingServer()) {
      assertThat(post(server.uri(), "{\"Entries\":[]}")).isEqualTo("ok");
      assertThat(server.requests).containsExactly("14 {\"Entries\":[]}");
    }
  }

  @Test
  void consecutivePostsReuseOneKeptAliveConnection() throws Exception {
    try (RecordingServer server = new RecordingServer()) {
      for (int i = 0; i < 5; i++) assertThat(post(server.uri(), "body-" + i)).isEqualTo("ok");
      assertThat(server.requests).containsExactly("6 body-0", "6 body-1", "6 body-2", "6 body-3", "6 body-4");
      assertThat(server.connections).hasValue(1);
    }
  }
}
