package dev.linkpulse.local.alarms;

import dev.linkpulse.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Sends an {@link AlarmsStack}'s calls to a CloudWatch endpoint in the JSON 1.0 protocol (the one the aws CLI
 * speaks), as CloudFormation would when it creates the stack. Any refusal stops the deployment with the
 * endpoint's answer.
 */
public final class AlarmsDeployer {
  private static final String TARGET = "GraniteServiceVersion20100801.";
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;

  public AlarmsDeployer(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** Creates (or updates) every alarm of {@code stack}; returns their names, in creation order. */
  public List<String> deploy(AlarmsStack stack) throws IOException, InterruptedException {
    List<AlarmsStack.Call> calls = stack.calls();
    for (AlarmsStack.Call call : calls) send(call);
    return calls.stream().map(AlarmsStack.Call::alarmName).toList();
  }

  private void send(AlarmsStack.Call call) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
        .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", TARGET + call.operation())
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(call.body()))).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(call.operation() + " " + call.alarmName() + " (" + call.logicalId() + ") was refused: "
          + response.statusCode() + " " + response.body());
    }
  }
}
