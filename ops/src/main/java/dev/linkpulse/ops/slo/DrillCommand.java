package dev.linkpulse.ops.slo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.StackFile;
import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code linkpulse drill}: break the running local stack on purpose, for a while, and name the alarm that must fire. */
@Command(name = "drill", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse drill redirect-5xx --share 0.2 --for 10m",
        "  ./linkpulse drill recorder-throws --for 20m",
        "  ./linkpulse drill list",
        "  ./linkpulse drill stop"},
    description = {
        "Inject a failure into the running local stack: redirect-5xx (a share of the redirect's DynamoDB lookups fail), "
            + "recorder-throws (every recorder invocation crashes), dynamodb-throttles (a share of the recorder's writes are throttled).",
        "The drill ends by itself after --for (on the stack's clock), or with `drill stop`. It names the alarm that must fire "
            + "and its runbook; follow them, and watch with ./linkpulse slo status."})
public final class DrillCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Parameters(index = "0", paramLabel = "DRILL", description = "redirect-5xx, recorder-throws, dynamodb-throttles; or list, stop") String drill;
  @Option(names = "--share", paramLabel = "SHARE", description = "Share of the requests that fail, in (0, 1] (default: the drill's)") Double share;
  @Option(names = "--for", paramLabel = "DURATION", defaultValue = "10m", converter = dev.linkpulse.ops.load.DurationConverter.class,
      description = "How long the drill lasts, like 90s, 10m or 1h (default ${DEFAULT-VALUE}); then it ends by itself") Duration length;
  @Option(names = "--api-url", paramLabel = "URL", description = "The stack's HTTP API (default: the running stack's)") URI api;
  @Option(names = "--stack", paramLabel = "NAME", defaultValue = "linkpulse", description = "The stack's name, which prefixes its alarms (default ${DEFAULT-VALUE})") String stack;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve("/_admin/drills"));
    switch (drill) {
      case "list" -> request.GET();
      case "stop" -> request.DELETE();
      default -> {
        DrillPlan plan = DrillPlan.of(drill);
        if (plan == null) {
          throw new UsageError("no drill " + drill + "; drills: " + Arrays.stream(DrillPlan.values()).map(DrillPlan::id).collect(Collectors.joining(", "))
              + " (or list, stop)");
        }
        if (length.toSeconds() < 1 || length.compareTo(Duration.ofDays(1)) > 0) throw new UsageError("--for must be from 1s to 24h, got " + length);
        double chosen = share != null ? share : plan.defaultShare;
        if (!(chosen > 0 && chosen <= 1)) throw new UsageError("--share must be in (0, 1], got " + chosen);
        String body = Json.write(Map.of("drill", plan.id(), "share", chosen, "seconds", length.toSeconds()));
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) return failed(response);
        started(plan, chosen, Json.tree(response.body()).path("started"), out);
        return 0;
      }
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() != 200) return failed(response);
    JsonNode running = Json.tree(response.body()).path("running");
    if (running.isEmpty()) out.println("No drill is running.");
    for (JsonNode r : running) out.printf(Locale.ROOT, "%-20s share %.2f until %s%n", r.path("drill").asText(), r.path("share").asDouble(), r.path("until").asText());
    return 0;
  }

  private void started(DrillPlan plan, double chosen, JsonNode started, PrintWriter out) {
    SloSpec spec = SloCommand.load(LocalConfig.findRoot().resolve(SloRenderer.SLOS));
    AlarmPlan.Planned alarm = AlarmPlan.of(spec).alarms().stream().filter(a -> a.name().equals(plan.alarm)).findFirst()
        .orElseThrow(() -> new IllegalStateException("slos.yaml has no alarm " + plan.alarm + " for drill " + plan.id()));
    String what = plan == DrillPlan.RECORDER_THROWS ? plan.breaks : String.format(Locale.ROOT, "%.0f%% %s", chosen * 100, plan.breaks);
    out.println("Drill " + plan.id() + " started: " + what + ".");
    out.println("Ends by itself at " + started.path("until").asText() + " (after " + Durations.label(length) + "); ./linkpulse drill stop ends it now.");
    out.println("Must fire: " + stack + "-" + alarm.name() + " (" + alarm.severity().lower() + ")");
    out.println("Runbook:   runbooks/" + alarm.runbook());
    out.println("Watch:     ./linkpulse slo status");
  }

  private int failed(HttpResponse<String> response) {
    spec.commandLine().getErr().println("linkpulse drill: the stack refused: " + response.statusCode() + " " + response.body());
    return 1;
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI base() throws Exception {
    if (api != null) return api;
    Path state = LocalConfig.findRoot().resolve(".linkpulse");
    JsonNode live = StackFile.readLive(state);
    if (live == null) throw new UsageError("no local stack is running; start one with ./linkpulse up, or pass --api-url");
    return URI.create(live.path("env").path("LINKPULSE_API").asText());
  }
}
