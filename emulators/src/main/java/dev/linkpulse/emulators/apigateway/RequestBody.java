package dev.linkpulse.emulators.apigateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request's body, read whole before it is relayed, so the HttpServer behind the front never waits on a client:
 * by {@code Content-Length}, or de-chunked ({@code Transfer-Encoding: chunked}); both at once is refused (the shape
 * of request smuggling), as is a body over the API's payload limit (413). {@code Expect: 100-continue} is answered
 * here, since the front is what the client waits on.
 */
final class RequestBody {
  private RequestBody() {}

  static byte[] read(RequestHead head, InputStream in, OutputStream out, int maxBody) throws IOException, RequestHead.Rejection {
    String length = head.header("Content-Length");
    String coding = head.header("Transfer-Encoding");
    if (length != null && coding != null) throw new RequestHead.Rejection(400, "malformed_request", "Content-Length and Transfer-Encoding together");
    if (length == null && coding == null) return new byte[0];
    if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    if (coding != null) {
      if (!coding.toLowerCase(Locale.ROOT).equals("chunked")) throw new RequestHead.Rejection(400, "malformed_request", "only chunked transfer coding is accepted");
      return chunked(in, maxBody);
    }
    long n;
    try {
      n = Long.parseLong(length);
    } catch (NumberFormatException e) {
      throw new RequestHead.Rejection(400, "malformed_request", "Content-Length is not a number");
    }
    if (n < 0) throw new RequestHead.Rejection(400, "malformed_request", "Content-Length is negative");
    if (n > maxBody) throw tooLarge(maxBody);
    byte[] body = in.readNBytes((int) n);
    if (body.length < n) throw new IOException("connection closed inside a request body");
    return body;
  }

  private static byte[] chunked(InputStream in, int maxBody) throws IOException, RequestHead.Rejection {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      int semicolon = sizeLine.indexOf(';');
      long size;
      try {
        size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new RequestHead.Rejection(400, "malformed_request", "a chunk size is not hexadecimal");
      }
      if (size == 0) break;
      if (size < 0 || body.size() + size > maxBody) throw tooLarge(maxBody);
      byte[] chunk = in.readNBytes((int) size);
      if (chunk.length < size) throw new IOException("connection closed inside a chunk");
      body.write(chunk);
      line(in);
    }
    while (!line(in).isEmpty()) {
      // trailers are dropped, as API Gateway drops them
    }
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException, RequestHead.Rejection {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) throw new IOException("connection closed inside a chunked body");
      if (b.length() > 4096) throw new RequestHead.Rejection(400, "malformed_request", "a chunk line is too long");
      if (c != '\r') b.append((char) c);
    }
    return b.toString();
  }

  private static RequestHead.Rejection tooLarge(int maxBody) {
    return new RequestHead.Rejection(413, "payload_too_large", "request body exceeds " + maxBody + " bytes");
  }
}
