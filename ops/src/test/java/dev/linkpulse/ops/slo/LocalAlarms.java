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
    this("linkpulse");
  }

  /** The alarms stack deployed once per stack name, each with that AlarmNamePrefix (as each deployed stack passes its own). */
  LocalAlarms(String... stacks) throws Exception {
    cloudWatch = LocalCloudWatch.builder().timeline(timeline).start();
    List<String> names = new java.util.ArrayList<>();
    for (String stack : stacks) {
      Map<String, String> parameters = parameters();
      parameters.put("AlarmNamePrefix", stack);
      names.addAll(new AlarmsDeployer(cloudWatch.endpoint()).deploy(AlarmsStack.load(ALARMS, parameters)));
    }
    alarmNames = List.copyOf(names);
  }

  /**
   * AlarmNamePrefix linkpulse; RedirectFunctionName RedirectFunction, ClicksDLQName ClicksDLQ, HttpApiId HttpApi...;
   * ReviewQueueMaxAgeSeconds template.yaml's default.
   */
  static Map<String, String> parameters() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    Template t = Template.load(ALARMS);
    // A threshold parameter (Type Number) gets what template.yaml gives it by default.
    Map<String, String> parentDefaults = Template.load(ALARMS.getParent().getParent().resolve("template.yaml")).parameterDefaults();
    for (var p : t.parameters().entrySet()) {
      String name = p.getKey();
      boolean number = "Number".equals(String.valueOf(Template.map(p.getValue()).get("Type")));
      out.put(name, number ? parentDefaults.get(name) : name.replaceAll("(Name|Id)$", ""));
    }
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

  /** The real CloudWatchClient on this CloudWatch. */
  software.amazon.awssdk.services.cloudwatch.CloudWatchClient client() {
    return software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder().endpointOverride(cloudWatch.endpoint())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
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
