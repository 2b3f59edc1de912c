package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.time.ManualTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** A local CloudWatch on a manual timeline, and the real SDK client pointed at it. */
abstract class CloudWatchFixture {
  /** A Monday, on a whole hour: windows line up with the clock. */
  static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

  ManualTimeline timeline;
  LocalCloudWatch cloudWatch;
  CloudWatchClient client;

  @BeforeEach
  void startCloudWatch() throws Exception {
    timeline = new ManualTimeline(START);
    cloudWatch = LocalCloudWatch.builder().timeline(timeline).start();
    client = CloudWatchClient.builder().endpointOverride(cloudWatch.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterEach
  void stopCloudWatch() {
    client.close();
    cloudWatch.close();
  }

  void advance(Duration d) {
    timeline.advance(d);
  }

  Instant now() {
    return timeline.now();
  }

  static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:page";

  static Dimension dim(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }

  /** One value of App/Errors (Service=web) at {@code at}. */
  void putErrors(double value, Instant at) {
    client.putMetricData(r -> r.namespace("App").metricData(MetricDatum.builder().metricName("Errors")
        .dimensions(dim("Service", "web")).value(value).timestamp(at).build()));
  }

  /** An alarm on the sum of App/Errors (Service=web) per minute, >= 1, paging {@link #TOPIC}. */
  PutMetricAlarmRequest.Builder errorsAlarm(String name, int n, int m) {
    return PutMetricAlarmRequest.builder().alarmName(name).namespace("App").metricName("Errors").dimensions(dim("Service", "web"))
        .statistic(Statistic.SUM).period(60).evaluationPeriods(n).datapointsToAlarm(m).threshold(1.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .alarmActions(TOPIC).okActions(TOPIC);
  }

  StateValue state(String alarm) {
    var r = client.describeAlarms(b -> b.alarmNames(alarm).alarmTypesWithStrings("MetricAlarm", "CompositeAlarm"));
    if (!r.metricAlarms().isEmpty()) return r.metricAlarms().get(0).stateValue();
    return r.compositeAlarms().get(0).stateValue();
  }

  /** Who was paged, as "alarm:OLD->NEW". */
  List<String> pages() {
    return cloudWatch.notifications().stream().map(n -> n.alarmName() + ":" + n.oldState() + "->" + n.newState()).toList();
  }

  static Map<String, String> service(String name) {
    return Map.of("Service", name);
  }
}
