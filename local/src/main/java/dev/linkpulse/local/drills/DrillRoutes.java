package dev.linkpulse.local.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.apigateway.HttpGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code /_admin/drills} on the stack's HTTP port: {@code POST {"drill": "redirect-5xx", "share": 0.2, "seconds": 600}}
 * starts one, {@code GET} lists those running, {@code DELETE} ends them all. Bad input is a 400 that changes nothing.
 */
public final class DrillRoutes implements HttpHandler {
  public static final String PATH = "/_admin/drills";
  private final Drills drills;

  public DrillRoutes(Drills drills) {
    this.drills = drills;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    switch (method) {
      case "GET" -> answer(exchange, 200, running());
      case "DELETE" -> {
        drills.stopAll();
        answer(exchange, 200, running());
      }
      case "POST" -> post(exchange);
      default -> HttpGateway.writeError(exchange, 405, "MethodNotAllowed", "GET, POST or DELETE");
    }
  }

  private void post(HttpExchange exchange) throws IOException {
    Drill.Running started;
    try {
      JsonNode body = Json.strictTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (!body.path("seconds").canConvertToLong()) throw new IllegalArgumentException("seconds must be a whole number");
      started = drills.start(Drill.of(body.path("drill").asText()), body.path("share").asDouble(1.0),
          Duration.ofSeconds(body.path("seconds").asLong()));
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      HttpGateway.writeError(exchange, 400, "BadDrill", e.getMessage());
      return;
    }
    ObjectNode out = Json.object();
    out.set("started", node(started));
    out.put("now", drills.now().toString());
    answer(exchange, 200, out);
  }

  private ObjectNode running() {
    ObjectNode out = Json.object().put("now", drills.now().toString());
    ArrayNode list = out.putArray("running");
    drills.running().forEach(r -> list.add(node(r)));
    return out;
  }

  private static ObjectNode node(Drill.Running r) {
    return Json.object().put("drill", r.drill().id()).put("share", r.share()).put("until", r.until().toString());
  }

  private static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    HttpGateway.write(exchange, exchange.getRequestMethod(), status, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }
}
