package dev.linkpulse.emulators.apigateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API's listening socket, in front of the JDK HttpServer that serves it. That server reads a request's head
 * on its executor's threads with no deadline, answers a target it cannot parse with a {@code text/html} 400 and
 * resets a connection whose headers are too large, all before any handler of ours runs. Here every connection gets
 * a thread of its own that reads each request (head under {@link HeadDeadline}'s deadlines and
 * {@link RequestHead}'s limits, body whole: {@link RequestBody}), answers what it refuses with the API's JSON error,
 * and relays the rest to the HttpServer on a loopback port. A client that stalls or dribbles holds only its own
 * thread, so health and redirects never queue behind it.
 */
final class HttpFront implements AutoCloseable {
  static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** Connections served at once; past it a new one is answered 503 at once rather than left waiting. */
  static final int MAX_CONNECTIONS = 1024;

  final Duration headTimeout;
  final Duration idleTimeout;
  final int maxBody;
  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final ThreadPoolExecutor connections;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  HttpFront(int port, InetSocketAddress upstream, int maxBody, Duration headTimeout, Duration idleTimeout) throws IOException {
    this.listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
    this.upstream = upstream;
    this.maxBody = maxBody;
    this.headTimeout = headTimeout;
    this.idleTimeout = idleTimeout;
    this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "http-front");
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::accept, "http-front-accept");
    acceptor.setDaemon(true);
  }

  HttpFront start() {
    acceptor.start();
    return this;
  }

  int port() {
    return listener.getLocalPort();
  }

  InetSocketAddress upstreamAddress() {
    return upstream;
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
        client.setTcpNoDelay(true);
      } catch (IOException closed) {
        return;
      }
      try {
        connections.execute(new FrontConnection(client, this));
      } catch (RejectedExecutionException full) {
        busy(client);
      }
    }
  }

  private static void busy(Socket client) {
    try (client) {
      FrontConnection.reject(client.getOutputStream(), new RequestHead.Rejection(503, "service_unavailable", "too many connections"));
    } catch (IOException | RuntimeException ignored) {
      // the client is gone
    }
  }

  /** Connections open now, so closing the front ends their blocked reads too. */
  void opened(Socket client) {
    open.add(client);
  }

  void closed(Socket client) {
    open.remove(client);
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    connections.shutdownNow();
    for (Socket client : open) {
      try {
        client.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
