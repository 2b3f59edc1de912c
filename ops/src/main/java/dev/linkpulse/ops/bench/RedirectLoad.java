package dev.linkpulse.ops.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * An open-model load generator for redirects: GETs are issued on a fixed schedule, whatever the answers' speed,
 * over a pool of kept-alive HTTP/1.1 connections. Hand-rolled on blocking sockets because locally the generator
 * shares the machine's cores with the whole stack, and the JDK HttpClient cost about 1 CPU ms per request here
 * (measured by {@link CpuAccount}); this costs a small fraction of that.
 */
final class RedirectLoad implements AutoCloseable {
  /** A request due at {@code dueNanos} (System.nanoTime) for the code at {@code link}. */
  private record Job(int link, long dueNanos) {}

  private static final Job STOP = new Job(-1, 0);

  private final String host;
  private final int port;
  private final List<String> paths;
  private final BlockingQueue<Job> due = new LinkedBlockingQueue<>();
  private final List<Thread> workers = new ArrayList<>();
  private final IntConsumer onRedirected;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger outstanding = new AtomicInteger();
  /** From when a request was due (not when a connection got round to it) to its answer: no coordinated omission. */
  private final ConcurrentHistogram redirectMicros = new ConcurrentHistogram(3);
  private final AtomicLong lastAnswer = new AtomicLong();

  /**
   * @param baseUrl the HTTP API, e.g. http://127.0.0.1:8080
   * @param codes the short codes to request, round robin
   * @param connections connections (and threads) in the pool
   * @param onRedirected told the index (into {@code codes}) of every request answered with a redirect
   */
  RedirectLoad(String baseUrl, List<String> codes, int connections, IntConsumer onRedirected) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.paths = codes.stream().map(c -> "/" + c).toList();
    this.onRedirected = onRedirected;
    for (int i = 0; i < connections; i++) {
      Thread t = new Thread(this::work, "bench-load-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  /** What one {@link #send} achieved. */
  record Phase(int clicks, int failed, double answeredPerSecond, double p50Millis, double p99Millis) {}

  /**
   * Sends {@code clicks} requests, round robin over the codes, at {@code rate} a second; returns when all are
   * answered (or after a minute's grace), with the rate they were answered at, which falls short of {@code rate}
   * when the stack cannot keep up.
   */
  Phase send(int clicks, int rate, IntConsumer onSent) throws InterruptedException {
    redirectMicros.reset();
    int failedBefore = failures.get();
    long start = System.nanoTime();
    long period = 1_000_000_000L / rate;
    for (int n = 0; n < clicks; n++) {
      long dueAt = start + n * period;
      long wait = dueAt - System.nanoTime();
      if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
      outstanding.incrementAndGet();
      due.add(new Job(n % paths.size(), dueAt));
      onSent.accept(n + 1);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (outstanding.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
    // n requests due at start + i * period: the n-th was due (n - 1) periods in, so n requests span n periods
    double seconds = Math.max(lastAnswer.get() - start, clicks * period) / 1e9;
    return new Phase(clicks, failures.get() - failedBefore, clicks / seconds,
        redirectMicros.getValueAtPercentile(50) / 1000.0, redirectMicros.getValueAtPercentile(99) / 1000.0);
  }

  private void work() {
    Socket socket = null;
    InputStream in = null;
    OutputStream out = null;
    while (true) {
      Job job;
      try {
        job = due.take();
      } catch (InterruptedException e) {
        return;
      }
      if (job == STOP) return;
      int link = job.link();
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(host, port), 5000);
          in = new BufferedInputStream(socket.getInputStream());
          out = socket.getOutputStream();
        }
        out.write(("GET " + paths.get(link) + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Response response = readResponse(in);
        long now = System.nanoTime();
        redirectMicros.recordValue(Math.max(0, now - job.dueNanos()) / 1000);
        lastAnswer.accumulateAndGet(now, Math::max);
        if (response.status() / 100 == 3) onRedirected.accept(link);
        else failures.incrementAndGet();
        if (response.close()) {
          socket.close();
          socket = null;
        }
      } catch (IOException e) {
        failures.incrementAndGet();
        closeQuietly(socket);
        socket = null;
      } finally {
        outstanding.decrementAndGet();
      }
    }
  }

  record Response(int status, boolean close) {}

  /** Reads one HTTP/1.1 response: the status, the headers, and a body framed by Content-Length or chunks. */
  static Response readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not an HTTP response: " + statusLine);
    int status = Integer.parseInt(parts[1]);
    long length = 0;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon < 0) continue;
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> { }
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
        skip(in, size);
        line(in);
      }
      for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
        // trailers carry nothing the bench needs
      }
    } else {
      skip(in, length);
    }
    return new Response(status, close);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) throw new IOException("connection closed mid-response");
      if (c != '\r') sb.append((char) c);
    }
    return sb.toString();
  }

  private static void skip(InputStream in, long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() < 0) throw new IOException("connection closed mid-body");
        skipped = 1;
      }
      n -= skipped;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      if (socket != null) socket.close();
    } catch (IOException ignored) {
      // already broken
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < workers.size(); i++) due.add(STOP);
    for (Thread t : workers) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
