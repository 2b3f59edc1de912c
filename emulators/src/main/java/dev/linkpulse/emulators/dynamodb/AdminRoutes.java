package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The engine's admin switches over plain HTTP beside the protocol, for the CLI and for chaos runs by hand:
 * <ul>
 *   <li>{@code GET /_admin/faults} lists the rules; {@code POST} adds one:
 *       {@code {"table":"*","operation":"PutItem","share":0.1,"errorType":"InternalServerError"}} or with
 *       {@code "delayMillis":200}; {@code DELETE} removes them all;</li>
 *   <li>{@code GET /_admin/throttling} says whether hot-partition throttling is on; {@code POST {"enabled":true}} sets it.</li>
 * </ul>
 */
final class AdminRoutes {
  static final String FAULTS = "/_admin/faults";
  static final String THROTTLING = "/_admin/throttling";

  private final DynamoDbFaults faults;
  private final PartitionThrottle throttle;

  AdminRoutes(DynamoDbFaults faults, PartitionThrottle throttle) {
    this.faults = faults;
    this.throttle = throttle;
  }

  void faults(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        switch (exchange.getRequestMethod()) {
          case "POST" -> faults.add(rule(Values.JSON.readTree(exchange.getRequestBody())));
          case "DELETE" -> faults.clear();
          case "GET" -> { }
          default -> {
            respond(exchange, 405, Values.JSON.createObjectNode().put("message", "GET, POST or DELETE"));
            return;
          }
        }
      } catch (IllegalArgumentException | IOException e) {
        respond(exchange, 400, Values.JSON.createObjectNode().put("message", String.valueOf(e.getMessage())));
        return;
      }
      respond(exchange, 200, listing());
    }
  }

  private static DynamoDbFaults.Rule rule(JsonNode body) {
    long delay = body.path("delayMillis").asLong(0);
    return new DynamoDbFaults.Rule(body.path("table").asText("*"), body.path("operation").asText("*"), body.path("share").asDouble(1),
        delay > 0 ? null : body.path("errorType").asText("InternalServerError"), delay > 0 ? Duration.ofMillis(delay) : null);
  }

  void throttling(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (exchange.getRequestMethod().equals("POST")) {
        JsonNode body = Values.JSON.readTree(exchange.getRequestBody());
        if (!body.path("enabled").isBoolean()) {
          respond(exchange, 400, Values.JSON.createObjectNode().put("message", "body must be {\"enabled\": true|false}"));
          return;
        }
        throttle.enabled(body.get("enabled").asBoolean());
      }
      respond(exchange, 200, Values.JSON.createObjectNode().put("enabled", throttle.enabled()));
    }
  }

  private ObjectNode listing() {
    ObjectNode out = Values.JSON.createObjectNode();
    ArrayNode rules = out.putArray("rules");
    for (DynamoDbFaults.Rule r : faults.rules()) {
      ObjectNode json = rules.addObject().put("table", r.table()).put("operation", r.operation()).put("share", r.share());
      if (r.errorType() != null) json.put("errorType", r.errorType());
      if (r.delay() != null) json.put("delayMillis", r.delay().toMillis());
    }
    return out;
  }

  private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = Values.JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
