package dev.linkpulse.emulators.apigateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * Java-WebSocket's server, handing the handshake to {@link Handshake} and frames and closes to {@link MessageRouter};
 * its threads are renamed {@code ws-gateway-N-*}, daemon.
 */
final class WsServer extends WebSocketServer {
  private static final Logger LOG = Logger.getLogger(WsServer.class.getName());

  private final String name;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Exception startFailure;
  private volatile Handshake handshake;
  private volatile MessageRouter router;

  WsServer(String name, InetSocketAddress address, int workers) {
    super(address, workers);
    this.name = name;
    setDaemon(true);
    setReuseAddr(true);
    setTcpNoDelay(true);
    for (int i = 0; i < decoders.size(); i++) decoders.get(i).setName(name + "-worker-" + (i + 1));
  }

  /** Starts serving with these; returns once the port is bound, or throws why it could not be. */
  void start(Handshake handshake, MessageRouter router) throws IOException {
    this.handshake = handshake;
    this.router = router;
    start();
    try {
      if (!started.await(30, TimeUnit.SECONDS)) startFailure = new IOException("the WebSocket server did not start in 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      startFailure = new IOException("interrupted while starting", e);
    }
    if (startFailure != null) {
      throw startFailure instanceof IOException io ? io : new IOException("the WebSocket server failed to start", startFailure);
    }
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
      throws InvalidDataException {
    ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    try {
      handshake.accept(conn, request, response);
    } catch (InvalidDataException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "WebSocket handshake failed", e);
      throw handshake.reject(conn, 500, "Internal server error", String.valueOf(e));
    }
    return response;
  }

  @Override
  public void onStart() {
    Thread.currentThread().setName(name + "-selector");
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake request) {
    // registered in the handshake, once $connect has accepted the connection
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    int max = WebSocketGateway.MAX_MESSAGE_BYTES;
    router.message(conn, message, false, message.length() > max / 4 ? message.getBytes(StandardCharsets.UTF_8).length : message.length());
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer bytes) {
    byte[] data = new byte[bytes.remaining()];
    bytes.get(data);
    router.message(conn, Base64.getEncoder().encodeToString(data), true, data.length);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    router.closed(conn, code, reason);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null && started.getCount() > 0) {
      startFailure = ex;
      started.countDown();
    } else if (conn == null) {
      LOG.log(Level.WARNING, "WebSocket server error", ex);
    } else {
      LOG.log(Level.FINE, "WebSocket connection error", ex);
    }
  }

  void joinThreads(long millis) {
    long deadline = System.currentTimeMillis() + millis;
    for (Thread worker : decoders) {
      try {
        long left = deadline - System.currentTimeMillis();
        if (left > 0 && worker.isAlive()) worker.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
