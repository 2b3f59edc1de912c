package dev.linkpulse.ops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.ops.SpeedConverter;
import dev.linkpulse.ops.StackFile;
import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/**
 * {@code linkpulse deploy FUNCTION}: the running local stack publishes a new version of the function and starts its
 * deployment ({@code POST /_admin/deployments}, what {@code sam deploy} does on AWS); this command then follows it
 * through the stack's CodeDeploy and CloudWatch endpoints with the real clients, printing each step.
 */
final class RehearseCommand {
  static final Duration POLL = Duration.ofMillis(500);
  static final Duration LONGEST = Duration.ofHours(3);

  private RehearseCommand() {}

  /** The running stack's {@code ./linkpulse env} variables, or a usage error when none runs. */
  static JsonNode liveEnvironment() throws Exception {
    JsonNode live = StackFile.readLive(LocalConfig.findRoot().resolve(".linkpulse"));
    if (live == null) throw new UsageError("no local stack is running; start one with ./linkpulse up, or pass --api-url");
    return live.path("env");
  }

  /** What the new version changes (artifact, environment, deployment type; each optional) and the speed expected of the stack. */
  record Version(Path jar, Map<String, String> env, String type, Double speed) {}

  static int run(PrintWriter out, URI api, CodeDeployClient codeDeploy, CloudWatchClient cloudWatch, String function, Version version)
      throws Exception {
    Path jar = version.jar();
    Map<String, String> env = version.env();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("function", function);
    if (jar != null) body.put("jar", jar.toAbsolutePath().toString());
    body.put("env", env);
    if (version.type() != null) body.put("type", version.type());
    if (version.speed() != null) body.put("speed", version.speed());
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve("/_admin/deployments"))
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
    // The stack answers a refused deployment as API Gateway does, {"error":{"code":...,"message":...}}: the message is the one line.
    if (response.statusCode() == 400) throw new UsageError(Json.tree(response.body()).path("error").path("message").asText(response.body()));
    if (response.statusCode() != 200) throw new IllegalStateException("the stack answered " + response.statusCode() + ": " + response.body());
    JsonNode started = Json.tree(response.body());
    String id = started.path("deploymentId").asText();
    double speed = started.path("speed").asDouble(1);
    out.println("Deploying " + function + (env.isEmpty() ? "" : " with " + env) + (jar == null ? "" : " from " + jar)
        + " on " + api + ": deployment " + id + (speed > 0 && speed != 1 ? " (the stack's clock at " + SpeedConverter.format(speed) + "x)" : ""));
    out.flush();
    String status = new DeploymentFollower(codeDeploy, cloudWatch, out, POLL).follow(id, longest(speed));
    out.println("outcome: " + status + ("Succeeded".equals(status) ? "" : "; see ./linkpulse deploy status and runbooks/canary-rolled-back.md"));
    out.flush();
    return "Succeeded".equals(status) ? 0 : 1;
  }

  /**
   * How long, in wall time, a deployment may take before this command gives up: {@link #LONGEST} of the stack's
   * clock, but never under 10 minutes, since the hooks' own work (clicks through the pipeline) takes wall time.
   */
  static Duration longest(double speed) {
    Duration scaled = speed > 0 ? Duration.ofMillis((long) (LONGEST.toMillis() / speed)) : LONGEST;
    return scaled.compareTo(Duration.ofMinutes(10)) < 0 ? Duration.ofMinutes(10) : scaled;
  }

  static Map<String, String> pairs(List<String> values, String option) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String v : values == null ? List.<String>of() : values) {
      int eq = v.indexOf('=');
      if (eq <= 0) throw new UsageError(option + " " + v + " is not KEY=VALUE");
      out.put(v.substring(0, eq), v.substring(eq + 1));
    }
    return out;
  }
}
