package dev.linkpulse.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.apigateway.HttpGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;

/**
 * {@code POST /_admin/deployments {"function": "RedirectFunction", "jar": PATH, "env": {"K": "V"}, "type": TYPE, "speed": N}}
 * on the stack's HTTP port: publishes a new version of the function and starts its deployment (what {@code sam deploy}
 * does on AWS), answering {@code {"deploymentId": ..., "speed": N}} (the speed of the stack's clock, which the
 * deployment's waits run on); the deployment is then followed through CodeDeploy. Only {@code function} is required;
 * a {@code speed} other than the stack's is refused. Bad input is a 400 that changes nothing.
 */
final class DeploymentRoutes implements HttpHandler {
  static final String PATH = "/_admin/deployments";
  private final LocalDeployments deployments;

  DeploymentRoutes(LocalDeployments deployments) {
    this.deployments = deployments;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      HttpGateway.writeError(exchange, 405, "MethodNotAllowed", "POST a deployment");
      return;
    }
    String id;
    try {
      JsonNode body = Json.strictTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String function = body.path("function").asText("");
      if (function.isEmpty()) throw new IllegalArgumentException("function is required");
      Path jar = body.hasNonNull("jar") ? Path.of(body.get("jar").asText()) : null;
      if (jar != null && !Files.isRegularFile(jar)) throw new IllegalArgumentException("jar " + jar + " is not a file");
      Map<String, String> env = new LinkedHashMap<>();
      body.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
      Double speed = null;
      if (body.hasNonNull("speed")) {
        if (!body.get("speed").isNumber()) throw new IllegalArgumentException("speed must be a number, not " + body.get("speed"));
        speed = body.get("speed").asDouble();
      }
      id = deployments.deploy(function, new LocalDeployments.Request(jar, env, body.hasNonNull("type") ? body.get("type").asText() : null, speed));
    } catch (IllegalArgumentException | IllegalStateException | CodeDeployException | JsonProcessingException e) {
      HttpGateway.writeError(exchange, 400, "BadDeployment", e.getMessage());
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    HttpGateway.write(exchange, "POST", 200, Json.write(Map.of("deploymentId", id, "speed", deployments.speed())).getBytes(StandardCharsets.UTF_8));
  }
}
