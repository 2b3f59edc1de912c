package dev.linkpulse.local.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.template.Template;
import dev.linkpulse.testkit.StackExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The local stack's CloudWatch, through the real CloudWatchClient: every alarm of alarms/alarms.yaml deployed with
 * its references resolved to the local resources, the functions' EMF and the queues' metrics arriving.
 */
class StackAlarmsTest {
  static final ManualTimeline TIMELINE = new ManualTimeline(Instant.now().truncatedTo(ChronoUnit.MINUTES));

  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(
      parameters -> LocalStack.start(LocalConfig.ephemeral(LocalConfig.findRoot()).withParameters(parameters), TIMELINE),
      LocalStack::apiUrl, LocalStack::token);

  static CloudWatchClient cloudWatch;

  @BeforeAll
  static void client() {
    cloudWatch = client(stack.stack().monitoring().endpoint());
  }

  @AfterAll
  static void close() {
    cloudWatch.close();
  }

  static CloudWatchClient client(URI endpoint) {
    return CloudWatchClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Test
  void describeAlarms_listsEveryAlarmOfTheAlarmsStack_metricAndComposite() throws Exception {
    Template alarms = Template.load(LocalConfig.findRoot().resolve("alarms/alarms.yaml"));
    List<String> expected = new ArrayList<>();
    for (String type : List.of("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm")) {
      alarms.resourcesOfType(type).values().forEach(p -> expected.add(String.valueOf(Template.map(p.get("AlarmName")).get("Fn::Sub"))
          .replace("${AlarmNamePrefix}", "linkpulse")));
    }
    List<String> listed = new ArrayList<>();
    cloudWatch.describeAlarmsPaginator(r -> r.alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).maxRecords(20)).forEach(page -> {
      page.metricAlarms().forEach(a -> listed.add(a.alarmName()));
      page.compositeAlarms().forEach(a -> listed.add(a.alarmName()));
    });
    assertThat(listed).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(stack.stack().environment()).containsEntry("AWS_ENDPOINT_URL_CLOUDWATCH", stack.stack().monitoring().endpoint().toString());
  }

  @Test
  void theAlarmsReadTheLocalResourcesByTheirLocalNames() {
    var failed = cloudWatch.describeAlarms(r -> r.alarmNames("linkpulse-click-rule-failed-invocations")).metricAlarms().get(0);
    assertThat(failed.metrics().get(0).metricStat().metric().dimensions()).containsExactly(
        Dimension.builder().name("EventBusName").value(stack.stack().busName("ClicksBus")).build(),
        Dimension.builder().name("RuleName").value("ClickRule").build());
    var dlq = cloudWatch.describeAlarms(r -> r.alarmNames("linkpulse-clicks-dlq-not-empty")).metricAlarms().get(0);
    String queue = stack.stack().queueUrl("ClicksDLQ");
    assertThat(dlq.metrics().get(0).metricStat().metric().dimensions())
        .containsExactly(Dimension.builder().name("QueueName").value(queue.substring(queue.lastIndexOf('/') + 1)).build());
    assertThat(stack.stack().monitoring().alarmStates(List.of("linkpulse-redirect-availability-fast-burn", "nobody")))
        .containsOnlyKeys("linkpulse-redirect-availability-fast-burn");
  }

  /** The Sum of a metric of one dimension over the last two hours of timeline time. */
  static double sum(String namespace, String metric, String dimension, String value) {
    return cloudWatch.getMetricStatistics(r -> r.namespace(namespace).metricName(metric).dimensions(Dimension.builder().name(dimension).value(value).build())
        .statistics(Statistic.SUM).period(3600).startTime(TIMELINE.now().minus(Duration.ofHours(2))).endTime(TIMELINE.now().plus(Duration.ofHours(1))))
        .datapoints().stream().mapToDouble(d -> d.sum()).sum();
  }

  @Test
  void theRedirectsEmfAndTheQueuesDepthsBecomeMetrics_asDoLambdasAndApiGatewaysOwn() {
    for (int i = 0; i < 3; i++) assertThat(stack.get("/no-such-code-" + i, null).status()).isEqualTo(404);
    var stats = cloudWatch.getMetricStatistics(r -> r.namespace("Linkpulse").metricName("Requests")
        .dimensions(Dimension.builder().name("Service").value("redirect").build()).statistics(Statistic.SUM).period(3600)
        .startTime(TIMELINE.now().minus(Duration.ofHours(2))).endTime(TIMELINE.now().plus(Duration.ofHours(2))));
    assertThat(stats.datapoints().stream().mapToDouble(d -> d.sum()).sum()).isEqualTo(3.0);
    assertThat(sum("AWS/Lambda", "Invocations", "FunctionName", "RedirectFunction")).isEqualTo(3.0);
    assertThat(sum("AWS/Lambda", "Errors", "FunctionName", "RedirectFunction")).isZero();
    assertThat(sum("AWS/ApiGateway", "Count", "ApiId", "local")).isEqualTo(3.0);
    assertThat(sum("AWS/ApiGateway", "4xx", "ApiId", "local")).isEqualTo(3.0);
    assertThat(sum("AWS/ApiGateway", "5xx", "ApiId", "local")).isZero();

    TIMELINE.advance(Duration.ofMinutes(1));
    String queue = stack.stack().queueUrl("ClicksDLQ");
    var depth = cloudWatch.listMetrics(r -> r.namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible")).metrics();
    assertThat(depth).anySatisfy(m -> assertThat(m.dimensions()).containsExactly(
        Dimension.builder().name("QueueName").value(queue.substring(queue.lastIndexOf('/') + 1)).build()));
    assertThat(depth).as("one metric per queue of the template").hasSize(stack.stack().template().resourcesOfType("AWS::SQS::Queue").size());
  }
}
