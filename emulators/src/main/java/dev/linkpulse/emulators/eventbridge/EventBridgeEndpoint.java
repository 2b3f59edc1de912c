package dev.linkpulse.emulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.emulators.protocol.Json;
import dev.linkpulse.emulators.protocol.NamedThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
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
 * <p>The jobs: {@link EventEntries} (validation, size, envelope), {@link BusRules} (matching),
 * {@link SqsTargets} (delivery); this class answers the protocol.
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
  static final String TARGET_PREFIX = "AWSEvents.";
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  static final int MAX_ENTRIES = 10;
  static final int MAX_REQUEST_ENTRIES_SIZE = 256 * 1024;
  private static final int MAX_BODY = 1024 * 1024;
  private static final Logger LOG = Logger.getLogger(EventBridgeEndpoint.class.getName());

  private final BusRules rules;
  private final SqsTargets targets;
  private final HttpServer server;
  private final ThreadPoolExecutor httpExecutor;
  private final NamedThreads httpThreads = new NamedThreads("eventbridge-http");
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong injectedFailures = new AtomicLong();
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
    server.createContext("/", this::handle);
  }

  /**
   * Keeps the outbox in {@code dataDir} ({@link OutboxJournal}): an answered {@code PutEvents} is on disk before it
   * is acknowledged, and what a crash left undelivered is sent again. Call before {@code start}.
   */
  public EventBridgeEndpoint persistTo(Path dataDir) throws IOException {
    return persistTo(dataDir, OutboxCompaction.DEFAULT_ABOVE_BYTES);
  }

  /**
   * As {@link #persistTo(Path)}, the outbox file being rewritten to what is still pending, while the endpoint runs,
   * whenever it passes {@code compactAboveBytes} and at least half of it is delivered.
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
    failNext.set(n);
  }

  /** Entries accepted (given an EventId). */
  public long received() {
    return received.get();
  }

  /** Entries refused with an ErrorCode (invalid Source, DetailType or Detail). */
  public long rejected() {
    return rejected.get();
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
    return injectedFailures.get();
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

  // ---------------------------------------------------------------- protocol

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      byte[] body = readBody(exchange);
      if (!"POST".equalsIgnoreCase(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
        error(exchange, 400, "UnknownOperationException", target == null ? "Missing X-Amz-Target header" : "Unknown operation " + target);
        return;
      }
      String operation = target.substring(TARGET_PREFIX.length());
      if (!operation.equals("PutEvents")) {
        error(exchange, 400, "UnknownOperationException", "Operation " + operation + " is not supported by the local EventBridge");
        return;
      }
      if (body == null) {
        error(exchange, 413, "ValidationException", "Request body exceeds " + MAX_BODY + " bytes");
        return;
      }
      JsonNode request;
      try {
        request = body.length == 0 ? Json.object() : Json.tree(new String(body, StandardCharsets.UTF_8));
      } catch (IOException e) {
        error(exchange, 400, "SerializationException", "Request body is not valid JSON");
        return;
      }
      if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        injectedFailures.incrementAndGet();
        error(exchange, 500, "InternalException", "Injected failure: the local EventBridge refused this PutEvents");
        return;
      }
      putEvents(exchange, request);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "local EventBridge failure", e);
    }
  }

  private void putEvents(HttpExchange exchange, JsonNode request) throws IOException {
    JsonNode entries = request.get("Entries");
    String invalid = invalidRequest(entries);
    if (invalid != null) {
      int sep = invalid.indexOf('|');
      error(exchange, 400, invalid.substring(0, sep), invalid.substring(sep + 1));
      return;
    }
    ObjectNode response = Json.object();
    ArrayNode results = Json.MAPPER.createArrayNode();
    int failedCount = 0;
    Map<String, List<String>> bodiesByQueue = new LinkedHashMap<>();
    Instant now = Instant.now();
    for (JsonNode entry : entries) {
      ObjectNode result = results.addObject();
      String problem = EventEntries.invalid(entry);
      if (problem != null) {
        failedCount++;
        rejected.incrementAndGet();
        int sep = problem.indexOf('|');
        result.put("ErrorCode", problem.substring(0, sep)).put("ErrorMessage", problem.substring(sep + 1));
        continue;
      }
      String id = UUID.randomUUID().toString();
      ObjectNode envelope = EventEntries.envelope(entry, id, now);
      received.incrementAndGet();
      result.put("EventId", id);
      rules.route(busName(EventEntries.text(entry, "EventBusName")), envelope, bodiesByQueue);
    }
    response.put("FailedEntryCount", failedCount);
    response.set("Entries", results);
    try {
      targets.accept(bodiesByQueue);
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "EventBridge could not write its outbox", e);
      error(exchange, 500, "InternalException", "Internal service error.");
      return;
    }
    write(exchange, 200, Json.write(response));
  }

  /** The error type and message ("type|message") when the request's entries as a whole are invalid, else null. */
  private static String invalidRequest(JsonNode entries) {
    if (entries == null || entries.isNull()) {
      return "ValidationException|1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null";
    }
    if (!entries.isArray()) return "SerializationException|Entries must be a list";
    if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
      return "ValidationException|1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length "
          + (entries.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_ENTRIES);
    }
    long size = 0;
    for (JsonNode entry : entries) size += EventEntries.size(entry);
    if (size > MAX_REQUEST_ENTRIES_SIZE) return "ValidationException|Total size of the entries in the request is over the limit.";
    return null;
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

  private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    ObjectNode body = Json.object().put("__type", type).put("message", message);
    write(exchange, status, Json.write(body));
  }

  private static void write(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    }
  }

  @Override
  public String toString() {
    return "EventBridgeEndpoint[" + (started ? endpoint() : "stopped") + ", buses=" + rules.buses() + "]";
  }
}
