package dev.linkpulse.emulators.eventbridge;

import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.emulators.protocol.NamedThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An EventBridge {@code PutEvents} endpoint that the real {@code EventBridgeClient} calls through
 * {@code endpointOverride}: the AWS JSON 1.1 protocol ({@code X-Amz-Target: AWSEvents.PutEvents}), AWS's request
 * validation and per-entry error codes, the event envelope exactly as EventBridge hands it to targets, rules
 * matched by Event Ruler (AWS's own pattern engine), and SQS queues as targets (the envelope JSON is the message
 * body, as with a real SQS target).
 *
 * <p>As on AWS, a successful {@code PutEvents} means the events were accepted; delivery to the targets happens
 * afterwards, on this endpoint's delivery threads (bounded: when they fall behind, the caller delivers itself, so
 * a flood slows publishers down rather than growing memory). A target send that fails after the SQS client's own
 * retries is counted in {@link #failed()} and logged; AWS would keep retrying for up to 24 hours, this endpoint
 * does not. Like AWS, events for a bus that has no rules (or does not exist) are accepted and go nowhere.
 *
 * <p>The jobs: {@link PutEventsHandler} (the wire: operation, request validation, errors, response),
 * {@link EventEntries} (an entry's validation, size, envelope), {@link BusRules} (matching), {@link SqsTargets}
 * (delivery) and {@link OutboxJournal} (the outbox on disk); this class is the handle: lifecycle and counters.
 *
 * <p>Tests can make the next N {@code PutEvents} requests fail with HTTP 500 {@code InternalException}
 * ({@link #failNextPutEvents}); note that the SDK retries 5xx answers, so each retry consumes one armed failure.
 */
public final class EventBridgeEndpoint implements AutoCloseable {
  /** A rule on a bus: its event pattern and the SQS queues it targets. {@code busName} may be a name or an ARN. */
  public record EventRule(String name, String busName, String eventPatternJson, List<String> targetQueueUrls) {
    public EventRule {
      Objects.requireNonNull(name, "name");
      busName = busName == null || busName.isBlank() ? DEFAULT_BUS : busName;
      Objects.requireNonNull(eventPatternJson, "eventPatternJson");
      targetQueueUrls = List.copyOf(targetQueueUrls);
    }
  }

  public static final String DEFAULT_BUS = "default";
  private static final Logger LOG = Logger.getLogger(EventBridgeEndpoint.class.getName());

  private final BusRules rules;
  private final SqsTargets targets;
  private final HttpServer server;
  private final ThreadPoolExecutor httpExecutor;
  private final NamedThreads httpThreads = new NamedThreads("eventbridge-http");
  private final PutEventsHandler putEvents;
  private volatile boolean started;
  private boolean closed;

  /**
   * @param port TCP port on 127.0.0.1, 0 for a free one
   * @param rules the rules of every bus; their patterns are compiled now (an invalid pattern fails here)
   * @param sqs the client that sends to the target queues
   */
  public EventBridgeEndpoint(int port, List<EventRule> rules, SqsClient sqs) throws IOException {
    Objects.requireNonNull(sqs, "sqs");
    this.rules = new BusRules(rules);
    this.targets = new SqsTargets(sqs, this.rules::deliveryFailed);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    this.httpExecutor = new ThreadPoolExecutor(4, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4096), httpThreads);
    server.setExecutor(httpExecutor);
    this.putEvents = new PutEventsHandler(this.rules, targets);
    server.createContext("/", putEvents);
  }

  /**
   * Keeps the outbox in {@code dataDir} ({@link OutboxJournal}): an answered {@code PutEvents} is on disk before it
   * is acknowledged, and what a crash left undelivered is sent again. The file is compacted to what is still
   * pending while the endpoint runs, past 64 MiB (see {@link #persistTo(Path, long)}). Call before {@code start}.
   */
  public EventBridgeEndpoint persistTo(Path dataDir) throws IOException {
    return persistTo(dataDir, OutboxCompaction.DEFAULT_ABOVE_BYTES);
  }

  /**
   * As {@link #persistTo(Path)}, the outbox file being rewritten to what is still pending, while the endpoint runs,
   * whenever it passes {@code compactAboveBytes} and at least half of it is delivered: it then holds at most about
   * {@code max(compactAboveBytes, 2 x the pending events)}, and a restart reads only that.
   *
   * @throws IllegalArgumentException when {@code compactAboveBytes <= 0}
   */
  public synchronized EventBridgeEndpoint persistTo(Path dataDir, long compactAboveBytes) throws IOException {
    if (started) throw new IllegalStateException("already started");
    OutboxCompaction compaction = OutboxCompaction.background(compactAboveBytes);
    targets.persistTo(OutboxJournal.open(dataDir.resolve("eventbridge-outbox.log"), compaction));
    return this;
  }

  public synchronized EventBridgeEndpoint start() {
    if (closed || started) throw new IllegalStateException(closed ? "closed" : "already started");
    server.start();
    started = true;
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** What an {@code EventBridgeClient} takes as {@code endpointOverride} (and {@code AWS_ENDPOINT_URL_EVENTBRIDGE}). */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** Makes the next {@code n} PutEvents requests answer HTTP 500 {@code InternalException} without accepting anything. */
  public void failNextPutEvents(int n) {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0");
    putEvents.failNext(n);
  }

  /** Entries accepted (given an EventId). */
  public long received() {
    return putEvents.received();
  }

  /** Entries refused with an ErrorCode (invalid Source, DetailType or Detail). */
  public long rejected() {
    return putEvents.rejected();
  }

  /** (event, rule) matches. */
  public long matched() {
    return rules.matched();
  }

  /** Messages sent to target queues. */
  public long delivered() {
    return targets.delivered();
  }

  /** Messages that could not be sent to a target queue, over every rule. */
  public long failed() {
    return targets.failed();
  }

  /**
   * Messages of {@code rule} on {@code bus} (a name or an ARN) that could not be sent to its targets: EventBridge's
   * {@code FailedInvocations} of that rule.
   */
  public long failed(String bus, String rule) {
    return rules.failed(busName(bus), rule);
  }

  /** Messages matched but not yet sent (or failed). */
  public long pending() {
    return targets.pending();
  }

  /** PutEvents requests answered with an injected {@code InternalException}. */
  public long injectedFailures() {
    return putEvents.injectedFailures();
  }

  /** True when every accepted event has been delivered to (or failed at) all its targets. */
  public boolean idle() {
    return targets.pending() == 0;
  }

  /** Stops answering, lets accepted events reach their queues (up to 10 s), and joins every thread it started. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    started = false;
    server.stop(0);
    httpExecutor.shutdown();
    targets.shutdown();
    try {
      if (!httpExecutor.awaitTermination(5, TimeUnit.SECONDS)) httpExecutor.shutdownNow();
      List<String> alive = new ArrayList<>(targets.awaitTermination());
      alive.addAll(httpThreads.join(5, TimeUnit.SECONDS));
      if (!alive.isEmpty()) LOG.warning("threads still running after close: " + alive);
    } catch (InterruptedException e) {
      httpExecutor.shutdownNow();
      targets.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      targets.closeJournal();
    }
  }

  /** A bus given by name or by ARN ({@code arn:aws:events:region:account:event-bus/name}), as its name. */
  static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isBlank()) return DEFAULT_BUS;
    if (nameOrArn.startsWith("arn:")) {
      int i = nameOrArn.indexOf(":event-bus/");
      if (i >= 0) return nameOrArn.substring(i + ":event-bus/".length());
    }
    return nameOrArn;
  }

  @Override
  public String toString() {
    return "EventBridgeEndpoint[" + (started ? endpoint() : "stopped") + ", buses=" + rules.buses() + "]";
  }
}
