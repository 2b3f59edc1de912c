package dev.linkpulse.emulators.apigateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.x request's head, read and checked the way API Gateway checks it before any route is matched: the
 * request line and headers together at most {@value #MAX_HEAD} bytes (its HTTP API quota; more is 431), a request
 * line of three parts whose target is a path with well-formed percent-escapes (400 otherwise), and header lines of
 * {@code name: value}. Anything else about a request is the gateway's business.
 */
record RequestHead(String method, String target, String version, List<String[]> headers) {
  static final int MAX_HEAD = 10_240;

  /** A request the front answers itself, with the API's JSON error. */
  static final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    Rejection(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /**
   * Reads one head from {@code in}, whose socket's read timeout the caller has set; the caller's {@code deadline}
   * (a {@code System.nanoTime()} value) bounds the whole head, however slowly its bytes come.
   *
   * @return null when the connection ended cleanly before a new request began
   */
  static RequestHead read(InputStream in, HeadDeadline deadline) throws IOException, Rejection {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int newlines = 0;
    while (true) {
      int b;
      try {
        deadline.arm();
        b = in.read();
      } catch (SocketTimeoutException slow) {
        if (head.size() == 0 && !deadline.started()) return null;
        throw new Rejection(408, "request_timeout", "the request's head did not arrive in time");
      }
      if (b < 0) {
        if (head.size() == 0) return null;
        throw new IOException("connection closed inside a request head");
      }
      deadline.start();
      if (head.size() >= MAX_HEAD) throw new Rejection(431, "request_header_fields_too_large", "the request line and headers exceed " + MAX_HEAD + " bytes");
      head.write(b);
      if (b == '\n') {
        if (++newlines == 2) break;
      } else if (b != '\r') {
        newlines = 0;
      }
    }
    return parse(head.toString(StandardCharsets.ISO_8859_1));
  }

  static RequestHead parse(String text) throws Rejection {
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n")));
    while (!lines.isEmpty() && lines.get(0).isEmpty()) lines.remove(0); // RFC 9112: ignore empty lines before a request
    if (lines.isEmpty()) throw malformed("empty request");
    String[] line = lines.get(0).split(" ", -1);
    if (line.length != 3 || line[0].isEmpty() || !line[2].matches("HTTP/1\\.[01]")) throw malformed("the request line must be METHOD TARGET HTTP/1.1");
    if (!line[0].chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) throw malformed("the method is not a token");
    checkTarget(line[1]);
    List<String[]> headers = new ArrayList<>();
    for (String h : lines.subList(1, lines.size())) {
      if (h.isEmpty()) continue;
      int colon = h.indexOf(':');
      if (colon <= 0 || h.substring(0, colon).chars().anyMatch(c -> c <= 32 || c >= 127)) throw malformed("a header line is not name: value");
      headers.add(new String[] {h.substring(0, colon), h.substring(colon + 1).strip()});
    }
    return new RequestHead(line[0], line[1], line[2], headers);
  }

  /** The first value of a header, by name in any case, or null. */
  String header(String name) {
    for (String[] h : headers) if (h[0].equalsIgnoreCase(name)) return h[1];
    return null;
  }

  /** The head as it is relayed: the same request line and headers except {@code drop}, then {@code extra}. */
  byte[] relayed(List<String> drop, List<String[]> extra) {
    StringBuilder b = new StringBuilder(method).append(' ').append(target).append(' ').append(version).append("\r\n");
    for (String[] h : headers) if (!drop.contains(h[0].toLowerCase(Locale.ROOT))) b.append(h[0]).append(": ").append(h[1]).append("\r\n");
    for (String[] h : extra) b.append(h[0]).append(": ").append(h[1]).append("\r\n");
    return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** An origin-form target ({@code /path?query}) of visible ASCII whose every {@code %} starts an escape. */
  private static void checkTarget(String target) throws Rejection {
    if (!target.startsWith("/") && !target.equals("*")) throw malformed("the request target must be a path");
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 32 || c >= 127) throw malformed("the request target holds a character that must be percent-encoded");
      if (c == '%' && !(i + 2 < target.length() && hex(target.charAt(i + 1)) && hex(target.charAt(i + 2)))) {
        throw new Rejection(400, "malformed_request", "the request target has a malformed percent-escape at position " + i);
      }
    }
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static Rejection malformed(String message) {
    return new Rejection(400, "malformed_request", message);
  }
}
