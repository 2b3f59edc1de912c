package dev.linkpulse.emulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.Json;
import dev.linkpulse.emulators.protocol.NamedThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.event.ruler.Machine;

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

  private final SqsClient sqs;
  private final Map<String, Machine> machines = new LinkedHashMap<>();
  private final Map<String, Map<String, EventRule>> rulesByBus = new LinkedHashMap<>();
  private final Set<String> warnedBuses = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  private final ThreadPoolExecutor httpExecutor;
  private final ThreadPoolExecutor deliveryExecutor;
  private final NamedThreads httpThreads = new NamedThreads("eventbridge-http");
  private final NamedThreads deliveryThreads = new NamedThreads("eventbridge-delivery");
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong matched = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  /** Accepted events waiting to be sent, per target queue. */
  private final Map<String, java.util.Queue<String>> outbox = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicBoolean> senders = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong injectedFailures = new AtomicLong();
  private volatile boolean started;
  private volatile OutboxJournal journal;
  private boolean closed;

  /**
   * @param port TCP port on 127.0.0.1, 0 for a free one
   * @param rules the rules of every bus; their patterns are compiled now (an invalid pattern fails here)
   * @param sqs the client that sends to the target queues
   */
  public EventBridgeEndpoint(int port, List<EventRule> rules, SqsClient sqs) throws IOException {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    for (EventRule rule : rules) {
      String bus = busName(rule.busName());
      Map<String, EventRule> byName = rulesByBus.computeIfAbsent(bus, b -> new LinkedHashMap<>());
      if (byName.putIfAbsent(rule.name(), rule) != null) {
        throw new IllegalArgumentException("rule " + rule.name() + " is defined twice on bus " + bus);
      }
      try {
        machines.computeIfAbsent(bus, b -> new Machine()).addRule(rule.name(), rule.eventPatternJson());
      } catch (Exception e) {
        throw new IllegalArgumentException("rule " + rule.name() + ": invalid event pattern " + rule.eventPatternJson() + ": " + e.getMessage(), e);
      }
    }
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    this.httpExecutor = new ThreadPoolExecutor(4, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4096), httpThreads);
    this.deliveryExecutor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
        deliveryThreads, new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(httpExecutor);
    server.createContext("/", this::handle);
  }

  /**
   * Keeps the outbox in {@code dataDir} ({@link OutboxJournal}): an answered {@code PutEvents} is on disk before it
   * is acknowledged, and what a crash left undelivered is sent at {@link #start}. Call before {@code start}.
   */
  public synchronized EventBridgeEndpoint persistTo(Path dataDir) throws IOException {
    if (started) throw new IllegalStateException("already started");
    journal = OutboxJournal.open(dataDir.resolve("eventbridge-outbox.log"));
    return this;
  }

  public synchronized EventBridgeEndpoint start() {
    if (closed || started) throw new IllegalStateException(closed ? "closed" : "already started");
    if (journal != null && !journal.recovered().isEmpty()) {
      LOG.info("EventBridge: re-sending " + journal.recovered().size() + " accepted event(s) a crash left undelivered");
      Map<String, List<String>> byQueue = new LinkedHashMap<>();
      journal.recovered().forEach(e -> byQueue.computeIfAbsent(e.queueUrl(), q -> new ArrayList<>()).add(e.body()));
      enqueue(byQueue);
    }
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
    return matched.get();
  }

  /** Messages sent to target queues. */
  public long delivered() {
    return delivered.get();
  }

  /** Messages that could not be sent to a target queue. */
  public long failed() {
    return failed.get();
  }

  /** Messages matched but not yet sent (or failed). */
  public long pending() {
    return pending.get();
  }

  /** PutEvents requests answered with an injected {@code InternalException}. */
  public long injectedFailures() {
    return injectedFailures.get();
  }

  /** True when every accepted event has been delivered to (or failed at) all its targets. */
  public boolean idle() {
    return pending.get() == 0;
  }

  /** Stops answering, lets accepted events reach their queues (up to 10 s), and joins every thread it started. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    started = false;
    server.stop(0);
    httpExecutor.shutdown();
    deliveryExecutor.shutdown();
    try {
      if (!httpExecutor.awaitTermination(5, TimeUnit.SECONDS)) httpExecutor.shutdownNow();
      if (!deliveryExecutor.awaitTermination(10, TimeUnit.SECONDS)) deliveryExecutor.shutdownNow();
      List<String> alive = new ArrayList<>(httpThreads.join(5, TimeUnit.SECONDS));
      alive.addAll(deliveryThreads.join(5, TimeUnit.SECONDS));
      if (!alive.isEmpty()) LOG.warning("threads still running after close: " + alive);
    } catch (InterruptedException e) {
      httpExecutor.shutdownNow();
      deliveryExecutor.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      closeJournal();
    }
  }

  private void closeJournal() {
    try {
      if (journal != null) journal.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "EventBridge could not close its outbox", e);
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
    if (entries == null || entries.isNull()) {
      error(exchange, 400, "ValidationException", "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null");
      return;
    }
    if (!entries.isArray()) {
      error(exchange, 400, "SerializationException", "Entries must be a list");
      return;
    }
    if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
      error(exchange, 400, "ValidationException", "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length "
          + (entries.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_ENTRIES));
      return;
    }
    long size = 0;
    for (JsonNode entry : entries) size += entrySize(entry);
    if (size > MAX_REQUEST_ENTRIES_SIZE) {
      error(exchange, 400, "ValidationException", "Total size of the entries in the request is over the limit.");
      return;
    }

    ObjectNode response = Json.object();
    ArrayNode results = Json.MAPPER.createArrayNode();
    int failedCount = 0;
    Map<String, List<String>> bodiesByQueue = new LinkedHashMap<>();
    Instant now = Instant.now();
    for (JsonNode entry : entries) {
      ObjectNode result = results.addObject();
      String problem = invalid(entry);
      if (problem != null) {
        failedCount++;
        rejected.incrementAndGet();
        int sep = problem.indexOf('|');
        result.put("ErrorCode", problem.substring(0, sep)).put("ErrorMessage", problem.substring(sep + 1));
        continue;
      }
      String id = UUID.randomUUID().toString();
      ObjectNode envelope = envelope(entry, id, now);
      received.incrementAndGet();
      result.put("EventId", id);
      route(busName(text(entry, "EventBusName")), envelope, bodiesByQueue);
    }
    response.put("FailedEntryCount", failedCount);
    response.set("Entries", results);
    if (journal != null && !bodiesByQueue.isEmpty()) {
      try {
        journal.accept(bodiesByQueue);
      } catch (IOException e) {
        LOG.log(Level.SEVERE, "EventBridge could not write its outbox", e);
        error(exchange, 500, "InternalException", "Internal service error.");
        return;
      }
    }
    enqueue(bodiesByQueue);
    write(exchange, 200, Json.write(response));
  }

  private void enqueue(Map<String, List<String>> bodiesByQueue) {
    bodiesByQueue.forEach((queueUrl, bodies) -> {
      pending.addAndGet(bodies.size());
      outbox.computeIfAbsent(queueUrl, q -> new java.util.concurrent.ConcurrentLinkedQueue<>()).addAll(bodies);
      deliveryExecutor.execute(() -> drain(queueUrl));
    });
  }

  /** The AWS error code and message for an invalid entry ("code|message"), or null when it is valid. */
  private static String invalid(JsonNode entry) {
    if (!entry.isObject()) return "InvalidArgument|Parameter Entry is not valid. Reason: an entry must be an object.";
    if (text(entry, "Source") == null) return "InvalidArgument|Parameter Source is not valid. Reason: Source is a required argument.";
    if (text(entry, "DetailType") == null) return "InvalidArgument|Parameter DetailType is not valid. Reason: DetailType is a required argument.";
    String detail = text(entry, "Detail");
    if (detail == null) return "InvalidArgument|Parameter Detail is not valid. Reason: Detail is a required argument.";
    try {
      if (!Json.tree(detail).isObject()) return "MalformedDetail|Detail is malformed.";
    } catch (IOException e) {
      return "MalformedDetail|Detail is malformed.";
    }
    JsonNode time = entry.get("Time");
    if (time != null && !time.isNull() && parseTime(time) == null) {
      return "InvalidArgument|Parameter Time is not valid. Reason: Time is not a valid timestamp.";
    }
    return null;
  }

  /** The event as EventBridge delivers it to a target. */
  static ObjectNode envelope(JsonNode entry, String id, Instant now) {
    ObjectNode event = Json.object();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", text(entry, "DetailType"));
    event.put("source", text(entry, "Source"));
    event.put("account", AwsAccount.ACCOUNT_ID);
    JsonNode time = entry.get("Time");
    Instant at = time == null || time.isNull() ? now : parseTime(time);
    event.put("time", DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)));
    event.put("region", AwsAccount.REGION);
    ArrayNode resources = event.putArray("resources");
    entry.path("Resources").forEach(r -> resources.add(r.asText()));
    try {
      event.set("detail", Json.tree(text(entry, "Detail")));
    } catch (IOException e) {
      throw new IllegalStateException("detail was validated", e);
    }
    return event;
  }

  private void route(String bus, ObjectNode envelope, Map<String, List<String>> bodiesByQueue) {
    Machine machine = machines.get(bus);
    if (machine == null) {
      if (!bus.equals(DEFAULT_BUS) && warnedBuses.add(bus)) {
        LOG.warning("PutEvents to bus " + bus + ", which has no rules: events are accepted and dropped, as on AWS");
      }
      return;
    }
    List<String> names = machine.rulesForJSONEvent(envelope);
    if (names.isEmpty()) return;
    String body = Json.write(envelope);
    Map<String, EventRule> rules = rulesByBus.get(bus);
    // report matches in rule-definition order, so delivery order does not depend on the matcher's internals
    for (EventRule rule : rules.values()) {
      if (!names.contains(rule.name())) continue;
      matched.incrementAndGet();
      for (String queueUrl : rule.targetQueueUrls()) bodiesByQueue.computeIfAbsent(queueUrl, q -> new ArrayList<>()).add(body);
    }
  }

  /**
   * Sends what is waiting for one queue, ten messages a call, with one sender per queue at a time. Redirects put one
   * event per PutEvents; sending each alone capped the local bus at a few hundred events a second. A single sender
   * batches like a group commit: while one SendMessageBatch is in flight the next events gather, so batches fill as
   * load grows, and an idle bus sends its first event at once. (Several racing senders each took the one or two
   * events there were: most batches held one message, and ElasticMQ spent more CPU per click than any other part.)
   */
  private void drain(String queueUrl) {
    java.util.Queue<String> waiting = outbox.get(queueUrl);
    java.util.concurrent.atomic.AtomicBoolean sending = senders.computeIfAbsent(queueUrl, q -> new java.util.concurrent.atomic.AtomicBoolean());
    if (!sending.compareAndSet(false, true)) return;
    try {
      List<String> chunk = new ArrayList<>(10);
      for (String body; (body = waiting.poll()) != null; ) {
        chunk.add(body);
        if (chunk.size() == 10) {
          deliver(queueUrl, chunk);
          chunk = new ArrayList<>(10);
        }
      }
      if (!chunk.isEmpty()) deliver(queueUrl, chunk);
    } finally {
      sending.set(false);
    }
    // an event added after the last poll but before the flag was cleared found a sender busy: send it now
    if (!waiting.isEmpty()) deliveryExecutor.execute(() -> drain(queueUrl));
  }

  private void deliver(String queueUrl, List<String> bodies) {
    for (int from = 0; from < bodies.size(); from += 10) {
      List<String> chunk = bodies.subList(from, Math.min(bodies.size(), from + 10));
      try {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(chunk.get(i)).build());
        SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        delivered.addAndGet(response.successful().size());
        if (journal != null) journal.delivered(queueUrl, response.successful().stream().map(ok -> chunk.get(Integer.parseInt(ok.id()))).toList());
        for (BatchResultErrorEntry error : response.failed()) {
          failed.incrementAndGet();
          LOG.warning("EventBridge target " + queueUrl + " refused a message: " + error.code() + " " + error.message());
        }
      } catch (RuntimeException e) {
        failed.addAndGet(chunk.size());
        LOG.log(Level.WARNING, "EventBridge could not deliver " + chunk.size() + " event(s) to " + queueUrl, e);
      } finally {
        pending.addAndGet(-chunk.size());
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A bus given by name or by ARN ({@code arn:aws:events:region:account:event-bus/name}), as its name. */
  static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isBlank()) return DEFAULT_BUS;
    if (nameOrArn.startsWith("arn:")) {
      int i = nameOrArn.indexOf(":event-bus/");
      if (i >= 0) return nameOrArn.substring(i + ":event-bus/".length());
    }
    return nameOrArn;
  }

  /** EventBridge's entry size: Time counts 14 bytes, then Source, DetailType, Detail and Resources in UTF-8. */
  private static long entrySize(JsonNode entry) {
    long size = 0;
    if (entry.hasNonNull("Time")) size += 14;
    for (String field : List.of("Source", "DetailType", "Detail")) {
      String v = text(entry, field);
      if (v != null) size += v.getBytes(StandardCharsets.UTF_8).length;
    }
    for (JsonNode r : entry.path("Resources")) size += r.asText().getBytes(StandardCharsets.UTF_8).length;
    return size;
  }

  /** The SDK sends timestamps as epoch seconds (with a fraction); other clients may send ISO-8601 text. */
  private static Instant parseTime(JsonNode time) {
    try {
      if (time.isNumber()) {
        BigDecimal seconds = time.decimalValue();
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
      }
      String text = time.asText();
      if (text.matches("\\d+(\\.\\d+)?")) return parseTime(Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(text)));
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || !v.isValueNode()) return null;
    String s = v.asText();
    return s.isEmpty() ? null : s;
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
    return "EventBridgeEndpoint[" + (started ? endpoint() : "stopped") + ", buses=" + rulesByBus.keySet() + "]";
  }
}
