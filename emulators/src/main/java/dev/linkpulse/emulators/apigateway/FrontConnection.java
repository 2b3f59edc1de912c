package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One client connection through the {@link HttpFront}: each request's head and body are read here, under the
 * front's deadlines and limits, and relayed whole to the HttpServer behind, whose answers are copied back by a pump
 * thread. A request the front refuses gets the JSON error and the connection is closed after any answer in flight.
 */
final class FrontConnection implements Runnable {
  /** Where the front tells the gateway who the viewer is (the HttpServer sees only the front's own socket). */
  static final String VIEWER_HEADER = "X-Linkpulse-Viewer";
  private static final List<String> NOT_RELAYED = List.of("content-length", "transfer-encoding", "expect", VIEWER_HEADER.toLowerCase(Locale.ROOT));

  private final Socket client;
  private final HttpFront front;
  private Socket upstream;
  private Thread pump;

  FrontConnection(Socket client, HttpFront front) {
    this.client = client;
    this.front = front;
  }

  @Override
  public void run() {
    front.opened(client);
    try {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        RequestHead head;
        byte[] body;
        try {
          head = RequestHead.read(in, new HeadDeadline(client, front.idleTimeout, front.headTimeout));
          if (head == null) break;
          body = body(head, in, out);
        } catch (RequestHead.Rejection refused) {
          finishUpstream();
          reject(out, refused);
          break;
        }
        relay(head, body);
        if ("close".equalsIgnoreCase(head.header("Connection"))) break;
      }
    } catch (IOException gone) {
      // the client went away or stopped mid-request: nothing to answer
    } finally {
      finishUpstream();
      closeQuietly(client);
      front.closed(client);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** The viewer the front saw, as {@code ip:port} ({@code [ip]:port} for IPv6), or null for a request that did not come through it. */
  static InetSocketAddress viewer(String header) {
    if (header == null) return null;
    int colon = header.lastIndexOf(':');
    if (colon <= 0) return null;
    try {
      String host = header.substring(0, colon).replace("[", "").replace("]", "");
      return new InetSocketAddress(java.net.InetAddress.getByName(host), Integer.parseInt(header.substring(colon + 1)));
    } catch (java.io.IOException | NumberFormatException e) {
      return null;
    }
  }

  /** A body's bytes may pause for the idle timeout each; the client's thread is the only one that waits. */
  private byte[] body(RequestHead head, InputStream in, OutputStream out) throws IOException, RequestHead.Rejection {
    client.setSoTimeout((int) front.idleTimeout.toMillis());
    try {
      return RequestBody.read(head, in, out, front.maxBody);
    } catch (SocketTimeoutException slow) {
      throw new RequestHead.Rejection(408, "request_timeout", "the request's body did not arrive in time");
    }
  }

  private void relay(RequestHead head, byte[] body) throws IOException {
    if (upstream == null) {
      upstream = new Socket(front.upstreamAddress().getAddress(), front.upstreamAddress().getPort());
      pump = new Thread(this::pumpAnswers, "http-front-pump");
      pump.setDaemon(true);
      pump.start();
    }
    InetSocketAddress viewer = (InetSocketAddress) client.getRemoteSocketAddress();
    String ip = viewer.getAddress().getHostAddress();
    List<String[]> extra = List.of(new String[] {VIEWER_HEADER, (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + viewer.getPort()},
        new String[] {"Content-Length", Integer.toString(body.length)});
    OutputStream up = upstream.getOutputStream();
    up.write(head.relayed(NOT_RELAYED, extra));
    up.write(body);
    up.flush();
  }

  private void pumpAnswers() {
    try (InputStream answers = upstream.getInputStream()) {
      answers.transferTo(client.getOutputStream());
    } catch (IOException ignored) {
      // either side closed
    } finally {
      closeQuietly(client);
    }
  }

  /** Lets the HttpServer finish what it was answering, then closes its connection. */
  private void finishUpstream() {
    if (upstream == null) return;
    try {
      upstream.shutdownOutput();
      pump.join(front.idleTimeout.toMillis());
      upstream.close();
    } catch (IOException | InterruptedException ignored) {
      // closing anyway
    }
    upstream = null;
  }

  static void reject(OutputStream out, RequestHead.Rejection refused) throws IOException {
    ObjectNode error = Json.object();
    error.putObject("error").put("code", refused.code).put("message", refused.getMessage());
    byte[] body = Json.write(error).getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + refused.status + " " + reason(refused.status) + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 408 -> "Request Timeout";
      case 413 -> "Content Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }
}
