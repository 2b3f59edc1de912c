package dev.linkpulse.emulators.apigateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that collects text messages and remembers how the connection ended. */
final class WsClient implements AutoCloseable {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  final WebSocket socket;
  final LinkedBlockingQueue<String> messages;
  final CompletableFuture<Integer> closed;

  private WsClient(WebSocket socket, LinkedBlockingQueue<String> messages, CompletableFuture<Integer> closed) {
    this.socket = socket;
    this.messages = messages;
    this.closed = closed;
  }

  static WsClient connect(String url) throws Exception {
    LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket.Listener listener = new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          messages.add(partial.toString());
          partial.setLength(0);
        }
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        messages.add("binary:" + data.remaining());
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
      }

      @Override
      public void onError(WebSocket ws, Throwable error) {
        closed.complete(1006); // the connection broke without a close frame
      }
    };
    WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create(url), listener).get(30, TimeUnit.SECONDS);
    return new WsClient(socket, messages, closed);
  }

  /** The HTTP status of a refused handshake (fails when the handshake succeeds). */
  static int refusedStatus(String url) throws Exception {
    try {
      WsClient client = connect(url);
      client.close();
      throw new AssertionError("the handshake to " + url + " was accepted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) return h.getResponse().statusCode();
      throw e;
    }
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
  }

  /** The next message, waiting up to 30 s (null if none came). */
  String next() throws InterruptedException {
    return messages.poll(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
  }
}
