package dev.linkpulse.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand to the stack's API port, for the requests no well-behaved client sends (a Host of our
 * choosing, malformed escapes, huge heads, a head that never ends). Reads one response to its end.
 */
record RawHttp(int status, Map<String, String> headers, String body) {
  /** Sends {@code head} (request line and headers, without the closing blank line) and reads the answer. */
  static RawHttp send(URI api, String head) throws IOException {
    return send(api, head, "");
  }

  /** The same with a body, sent with its Content-Length. */
  static RawHttp send(URI api, String head, String body) throws IOException {
    try (Socket socket = new Socket(api.getHost(), api.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      String length = content.length == 0 ? "" : "\r\nContent-Length: " + content.length;
      out.write((head + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** One response from {@code in}, its body by Content-Length (or to the end of the stream). */
  static RawHttp read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int newlines = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      if (b == '\n' && ++newlines == 2) break;
      if (b != '\n' && b != '\r') newlines = 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    if (lines[0].isEmpty()) throw new IOException("the connection closed without an answer");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    String length = headers.get("content-length");
    byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
    return new RawHttp(Integer.parseInt(lines[0].substring(9, 12)), headers, new String(body, StandardCharsets.UTF_8));
  }

  JsonNode json() {
    try {
      return Json.tree(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("not JSON: " + body, e);
    }
  }
}
