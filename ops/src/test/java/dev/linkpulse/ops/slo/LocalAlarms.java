package dev.linkpulse.ops.slo;

import dev.linkpulse.emulators.cloudwatch.LocalCloudWatch;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.local.alarms.AlarmsDeployer;
import dev.linkpulse.local.alarms.AlarmsStack;
import dev.linkpulse.template.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local CloudWatch on a manual timeline holding every alarm of the repository's alarms/alarms.yaml (stack
 * {@code linkpulse}; each resource-name parameter is the resource's logical id), fed EMF lines the way the functions
 * write them.
 */
final class LocalAlarms implements AutoCloseable {
  static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
  static final Path ALARMS = LocalConfig.findRoot().resolve("alarms/alarms.yaml");

  final ManualTimeline timeline = new ManualTimeline(START);
  final LocalCloudWatch cloudWatch;
  final List<String> alarmNames;

  LocalAlarms() throws Exception {
    cloudWatch = LocalCloudWatch.builder().timeline(timeline).start();
    alarmNames = new AlarmsDeployer(cloudWatch.endpoint()).deploy(AlarmsStack.load(ALARMS, parameters()));
  }

  /** AlarmNamePrefix linkpulse; RedirectFunctionName RedirectFunction, ClicksDLQName ClicksDLQ, HttpApiId HttpApi... */
  static Map<String, String> parameters() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    Template t = Template.load(ALARMS);
    for (String name : t.parameters().keySet()) out.put(name, name.replaceAll("(Name|Id)$", ""));
    out.put("AlarmNamePrefix", "linkpulse");
    out.remove("RunbookBaseUrl");
    return out;
  }

  /** {@code minutes} minutes in which {@code service} reports {@code total} of {@code totalName} and {@code bad} of {@code badName}. */
  void traffic(int minutes, String service, String totalName, long total, String badName, long bad) {
    for (int i = 0; i < minutes; i++) {
      long at = timeline.now().plusSeconds(20).toEpochMilli();
      cloudWatch.putEmfLine("{\"_aws\":{\"Timestamp\":" + at + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Linkpulse\","
          + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"" + totalName + "\",\"Unit\":\"Count\"},{\"Name\":\"" + badName
          + "\",\"Unit\":\"Count\"}]}]},\"Service\":\"" + service + "\",\"" + totalName + "\":" + total + ",\"" + badName + "\":" + bad + "}");
      timeline.advance(Duration.ofMinutes(1));
    }
  }

  /** Redirect traffic: {@code requests} a minute, {@code errors} of them 5xx. */
  void redirects(int minutes, long requests, long errors) {
    traffic(minutes, "redirect", "Requests", requests, "ServerErrors", errors);
  }

  Cli status(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("slo", "status", "--cloudwatch-endpoint-url", cloudWatch.endpoint().toString(),
        "--at", timeline.now().toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Override
  public void close() {
    cloudWatch.close();
  }
}
