package dev.linkpulse.emulators.apigateway;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The read timeouts of one request on a connection: before its first byte, the connection may idle for
 * {@code idle} (keep-alive); from its first byte, the whole head must arrive within {@code head}, however slowly
 * the bytes come, which is what stops a slowloris client that sends a byte every few seconds.
 */
final class HeadDeadline {
  private final Socket socket;
  private final long idleMillis;
  private final long headNanos;
  private long end = -1;

  HeadDeadline(Socket socket, Duration idle, Duration head) {
    this.socket = socket;
    this.idleMillis = idle.toMillis();
    this.headNanos = head.toNanos();
  }

  /** Sets the socket's read timeout to what is left before the next read. */
  void arm() throws IOException {
    long wait = end < 0 ? idleMillis : (end - System.nanoTime()) / 1_000_000;
    if (wait <= 0) throw new SocketTimeoutException("request head deadline passed");
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, wait));
  }

  /** The request has begun: its head's deadline starts now (once). */
  void start() {
    if (end < 0) end = System.nanoTime() + headNanos;
  }

  boolean started() {
    return end >= 0;
  }
}
