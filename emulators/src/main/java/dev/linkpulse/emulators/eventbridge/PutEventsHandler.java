package dev.linkpulse.emulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The wire of {@code PutEvents}: AWS JSON 1.1 ({@code X-Amz-Target: AWSEvents.PutEvents}), the request's
 * validation as a whole and per entry, AWS's error shapes, and the response; each accepted entry is routed by
 * {@link BusRules} and handed to {@link SqsTargets}, which has it on disk (with a journal) before this answers.
 */
final class PutEventsHandler implements HttpHandler {
  static final String TARGET_PREFIX = "AWSEvents.";
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  static final int MAX_ENTRIES = 10;
  static final int MAX_REQUEST_ENTRIES_SIZE = 256 * 1024;
  private static final int MAX_BODY = 1024 * 1024;
  private static final Logger LOG = Logger.getLogger(EventBridgeEndpoint.class.getName());

  private final BusRules rules;
  private final SqsTargets targets;
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong injectedFailures = new AtomicLong();

  PutEventsHandler(BusRules rules, SqsTargets targets) {
    this.rules = rules;
    this.targets = targets;
  }

  /** The next {@code n} requests answer HTTP 500 {@code InternalException} without accepting anything. */
  void failNext(int n) {
    failNext.set(n);
  }

  long received() {
    return received.get();
  }

  long rejected() {
    return rejected.get();
  }

  long injectedFailures() {
    return injectedFailures.get();
  }

  @Override
  public void handle(HttpExchange exchange) {
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
      rules.route(EventBridgeEndpoint.busName(EventEntries.text(entry, "EventBusName")), envelope, bodiesByQueue);
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

}
