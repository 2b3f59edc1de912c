package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code @connections} API of a {@link WebSocketGateway}, as the real {@code ApiGatewayManagementApiClient}
 * calls it (REST-JSON, path {@code /@connections/{connectionId}} with the id URL-encoded, {@code =} as {@code %3D}):
 * <ul>
 *   <li>{@code POST} (PostToConnection): the body bytes go to the client as a text frame; 200 with no body.</li>
 *   <li>{@code DELETE} (DeleteConnection): closes the connection ($disconnect follows); 204.</li>
 *   <li>{@code GET} (GetConnection): 200 {@code {"connectedAt":"<ISO-8601>","identity":{"sourceIp":..,"userAgent":..},
 *   "lastActiveAt":"<ISO-8601>"}}.</li>
 * </ul>
 * An unknown, closed or silently dropped connection answers 410 {@code GoneException}, a PostToConnection over
 * 128 KiB 413 {@code PayloadTooLargeException}, anything else 403 {@code ForbiddenException}. Errors carry the
 * {@code x-amzn-ErrorType} header and a {@code {"message":..}} body. A path prefix before {@code /@connections}
 * (a stage, as in {@code https://api.execute-api.region.amazonaws.com/prod}) is accepted and ignored. Requests
 * are not authenticated (any SigV4 signature is accepted).
 */
final class ManagementApi implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ManagementApi.class.getName());
  private static final String SEGMENT = "/@connections/";

  private final ConnectionRegistry gateway;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final String threadPrefix;

  ManagementApi(ConnectionRegistry gateway, int port, String threadPrefix) throws IOException {
    this.gateway = gateway;
    this.threadPrefix = threadPrefix;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    this.executor = new ThreadPoolExecutor(4, 32, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4096), WebSocketGateway.named(threadPrefix));
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Starts the server from a daemon thread: the JDK server's dispatcher thread inherits the daemon flag of the
   * thread that starts it, so it never keeps the JVM alive.
   */
  void start() {
    Thread starter = new Thread(server::start, threadPrefix + "-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) executor.shutdownNow();
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(WebSocketGateway.MAX_MESSAGE_BYTES + 1);
      }
      String path = exchange.getRequestURI().getPath(); // percent-decoded: %3D is '=' again ('+' stays '+')
      int at = path == null ? -1 : path.indexOf(SEGMENT);
      String id = at < 0 ? "" : path.substring(at + SEGMENT.length());
      if (id.isEmpty() || id.contains("/")) {
        error(exchange, 403, "ForbiddenException", "Forbidden");
        return;
      }
      switch (exchange.getRequestMethod().toUpperCase(Locale.ROOT)) {
        case "POST" -> {
          int status = gateway.post(id, body);
          if (status == 200) write(exchange, 200, null);
          else if (status == 413) error(exchange, 413, "PayloadTooLargeException", "Message too long");
          else error(exchange, 410, "GoneException", "Gone");
        }
        case "DELETE" -> {
          if (gateway.delete(id) == 204) write(exchange, 204, null);
          else error(exchange, 410, "GoneException", "Gone");
        }
        case "GET" -> {
          ObjectNode connection = gateway.describe(id);
          if (connection != null) write(exchange, 200, Json.write(connection));
          else error(exchange, 410, "GoneException", "Gone");
        }
        default -> error(exchange, 403, "ForbiddenException", "Forbidden");
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "@connections API failure", e);
    }
  }

  private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    write(exchange, status, Json.write(Json.object().put("message", message)));
  }

  private static void write(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    if (json == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
