package dev.linkpulse.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.local.LocalConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sets the DynamoDB engine's fault switches (its {@code /_admin} routes) on the running local stack, for chaos runs. */
@Command(name = "faults", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse faults add --operation PutItem --share 0.1 --error ThrottlingException",
        "  ./linkpulse faults list",
        "  ./linkpulse faults clear"},
    description = {
    "Fail, throttle or delay a share of DynamoDB requests on the running local stack, or switch hot-partition throttling.",
    "  faults list | faults clear | faults add --operation PutItem --share 0.1 [--table T] [--error TYPE | --delay-ms N]",
    "  faults throttling on|off"})
final class FaultsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACTION", description = "list, clear, add or throttling") String action;
  @Parameters(index = "1", arity = "0..1", paramLabel = "STATE", description = "on or off (throttling)") String state;
  @Option(names = "--table", description = "table name, or * (default ${DEFAULT-VALUE})") String table = "*";
  @Option(names = "--operation", description = "operation such as PutItem, or * (default ${DEFAULT-VALUE})") String operation = "*";
  @Option(names = "--share", description = "share of matching requests, in (0, 1] (default ${DEFAULT-VALUE})") double share = 1;
  @Option(names = "--error", description = "error type to answer with (default ${DEFAULT-VALUE})") String error = "InternalServerError";
  @Option(names = "--delay-ms", description = "delay instead of failing, in milliseconds") long delayMillis;
  @Option(names = "--endpoint-url", description = "DynamoDB endpoint (default: the running stack's)") URI endpoint;

  @Override
  public Integer call() throws Exception {
    URI base = endpoint != null ? endpoint : stackEndpoint();
    HttpRequest request = switch (action) {
      case "list" -> HttpRequest.newBuilder(base.resolve("/_admin/faults")).GET().build();
      case "clear" -> HttpRequest.newBuilder(base.resolve("/_admin/faults")).DELETE().build();
      case "add" -> {
        if (!(share > 0 && share <= 1)) throw new UsageError("--share must be in (0, 1]");
        if (delayMillis < 0) throw new UsageError("--delay-ms must not be negative");
        Map<String, Object> rule = new LinkedHashMap<>(Map.of("table", table, "operation", operation, "share", share));
        if (delayMillis > 0) rule.put("delayMillis", delayMillis);
        else rule.put("errorType", error);
        yield HttpRequest.newBuilder(base.resolve("/_admin/faults")).POST(HttpRequest.BodyPublishers.ofString(Json.write(rule))).build();
      }
      case "throttling" -> {
        if (!"on".equals(state) && !"off".equals(state)) throw new UsageError("faults throttling takes on or off");
        yield HttpRequest.newBuilder(base.resolve("/_admin/throttling"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + "on".equals(state) + "}")).build();
      }
      default -> throw new UsageError("faults takes list, clear, add or throttling, not " + action);
    };
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    System.out.println(response.body());
    return response.statusCode() == 200 ? 0 : 1;
  }

  private static URI stackEndpoint() throws Exception {
    JsonNode stack = StackFile.readLive(LocalConfig.findRoot().resolve(".linkpulse"));
    if (stack == null) throw new UsageError("no local stack is running; start one with ./linkpulse up, or pass --endpoint-url");
    return URI.create(stack.path("env").path("AWS_ENDPOINT_URL_DYNAMODB").asText());
  }
}
