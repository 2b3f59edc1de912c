package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.local.alarms.NotificationLog;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A local stack for one drill test class, its CloudWatch on a manual timeline the test moves, and what a drill test
 * asks of it: start a drill through the real CLI, read an alarm's state, find who was notified.
 */
final class DrillRig {
  final ManualTimeline timeline = new ManualTimeline(Instant.now().truncatedTo(ChronoUnit.MINUTES));
  final StackExtension<LocalStack> stack = new StackExtension<>(
      parameters -> LocalStack.start(LocalConfig.ephemeral(LocalConfig.findRoot()).withParameters(parameters), timeline),
      LocalStack::apiUrl, LocalStack::token);

  /** {@code ./linkpulse drill ARGS --api-url <the stack>}, which must succeed. */
  Cli drill(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--api-url";
    all[args.length + 1] = stack.api();
    Cli run = Cli.run(all);
    assertThat(run.exit()).as(run.err()).isZero();
    return run;
  }

  String state(String alarm) {
    return stack.stack().monitoring().alarmStates(List.of(alarm)).get(alarm);
  }

  /** Whether {@code alarm}'s change to {@code to} was delivered to the topic named {@code topic} (the notification log). */
  boolean notified(String alarm, String to, String topic) throws Exception {
    return NotificationLog.read(stack.stack().monitoring().notificationLog()).stream().anyMatch(n -> alarm.equals(n.get("alarm"))
        && to.equals(n.get("to")) && n.get("topic").endsWith(":linkpulse-" + topic));
  }

  /** {@code ./linkpulse slo status} against the stack's CloudWatch, as of the timeline's now. */
  Cli status() {
    return Cli.run("slo", "status", "--cloudwatch-endpoint-url", stack.stack().monitoring().endpoint().toString(), "--at", timeline.now().toString());
  }

  /** Redirects {@code code} once: a click on its way to the recorder. */
  void click(String code) {
    assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
  }

  /** The Sum of AWS/Lambda Errors of {@code function} over the last two hours of timeline time, through the real client. */
  double errors(String function) {
    try (CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(stack.stack().monitoring().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      return cw.getMetricStatistics(r -> r.namespace("AWS/Lambda").metricName("Errors")
          .dimensions(Dimension.builder().name("FunctionName").value(function).build()).statistics(Statistic.SUM).period(3600)
          .startTime(timeline.now().minus(Duration.ofHours(2))).endTime(timeline.now().plusSeconds(60)))
          .datapoints().stream().mapToDouble(d -> d.sum()).sum();
    }
  }
}
