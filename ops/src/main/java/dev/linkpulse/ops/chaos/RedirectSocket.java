package dev.linkpulse.ops.chaos;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One chaos client's keep-alive HTTP/1.1 connection, on a plain socket, so that the client knows exactly whether a
 * redirect left: the JDK's HttpClient silently sends a GET again when a pooled connection dies before the answer
 * (a kill -9 does just that), which would turn a click the killed stack had published into two, and hide it.
 * Here a redirect is never repeated behind the caller's back: a refused connection is {@link NotSent}, and any other
 * failure once the request is written leaves its outcome unknown.
 */
final class RedirectSocket implements AutoCloseable {
  /** The connection could not be opened: the request never left. */
  static final class NotSent extends IOException {
    NotSent(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * The first request on a new connection was written and got no answer: the connection was accepted and then broke,
   * as one a dying stack's listener still took at a kill -9.
   */
  static final class LostOnANewConnection extends IOException {
    LostOnANewConnection(IOException cause) {
      super(cause.getClass().getSimpleName() + ": " + cause.getMessage() + ", on a new connection", cause);
    }
  }

  private final URI api;
  private final Duration timeout;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  /** Answers read on the current connection. */
  private int answers;

  RedirectSocket(URI api, Duration timeout) {
    this.api = api;
    this.timeout = timeout;
  }

  /** GETs {@code path} with {@code referrer} and returns the answer's status. */
  int get(String path, String referrer) throws IOException {
    if (socket == null) open();
    String request = "GET " + path + " HTTP/1.1\r\nHost: " + api.getHost() + ":" + api.getPort() + "\r\nReferer: " + referrer
        + "\r\nUser-Agent: linkpulse-chaos\r\n\r\n";
    try {
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      int answer = readAnswer();
      answers++;
      return answer;
    } catch (IOException e) {
      boolean fresh = answers == 0;
      close();
      throw fresh ? new LostOnANewConnection(e) : e;
    }
  }

  private void open() throws NotSent {
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(api.getHost(), api.getPort()), (int) Math.min(timeout.toMillis(), 10_000));
      s.setSoTimeout((int) timeout.toMillis());
      s.setTcpNoDelay(true);
      socket = s;
      answers = 0;
      in = new BufferedInputStream(s.getInputStream());
      out = s.getOutputStream();
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // never opened
      }
      throw new NotSent(e);
    }
  }

  /** Reads one answer whole (Content-Length or chunked body), closing the connection if the server asked to. */
  private int readAnswer() throws IOException {
    String status = line();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + status);
    long length = 0;
    boolean chunked = false;
    boolean closing = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) continue;
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      if (name.equals("content-length")) length = Long.parseLong(value);
      else if (name.equals("transfer-encoding")) chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
      else if (name.equals("connection")) closing = value.equalsIgnoreCase("close");
    }
    if (chunked) {
      for (long chunk = Long.parseLong(line().split(";")[0].trim(), 16); chunk > 0; chunk = Long.parseLong(line().split(";")[0].trim(), 16)) {
        skip(chunk);
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else {
      skip(length);
    }
    if (closing) close();
    return Integer.parseInt(parts[1]);
  }

  private void skip(long n) throws IOException {
    in.skipNBytes(n);
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) throw new EOFException("the connection closed before the answer ended");
      if (b != '\r') bytes.write(b);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket == null) return;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    socket = null;
  }
}
