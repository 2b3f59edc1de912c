package dev.linkpulse.local.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The AWS metrics the alarms read that the stack's own resources publish, on a stack of its own (its clicks would
 * disturb {@link StackAlarmsTest}'s counts): Lambda's Throttles and IteratorAge, SQS's ApproximateAgeOfOldestMessage.
 */
class StackServiceMetricsTest {
  static final ManualTimeline TIMELINE = new ManualTimeline(Instant.now().truncatedTo(ChronoUnit.MINUTES));

  @RegisterExtension
  static final StackExtension<LocalStack> stack = StackAlarmsTest.stackOn(TIMELINE);

  static CloudWatchClient cloudWatch;

  @BeforeAll
  static void client() {
    cloudWatch = StackAlarmsTest.client(stack.stack().monitoring().endpoint());
  }

  @AfterAll
  static void close() {
    cloudWatch.close();
  }

  /** Sum, SampleCount and Maximum of a metric of one dimension over the last two hours of timeline time (hourly datapoints folded). */
  record Stats(double sum, double sampleCount, double maximum) {}

  static Stats stats(String namespace, String metric, String dimension, String value) {
    var points = cloudWatch.getMetricStatistics(r -> r.namespace(namespace).metricName(metric).dimensions(Dimension.builder().name(dimension).value(value).build())
        .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.MAXIMUM).period(3600)
        .startTime(TIMELINE.now().minus(Duration.ofHours(2))).endTime(TIMELINE.now().plus(Duration.ofHours(1)))).datapoints();
    assertThat(points).as(namespace + " " + metric + " " + value).isNotEmpty();
    return new Stats(points.stream().mapToDouble(d -> d.sum()).sum(), points.stream().mapToDouble(d -> d.sampleCount()).sum(),
        points.stream().mapToDouble(d -> d.maximum()).max().orElseThrow());
  }

  @Test
  void aClickGivesTheAlarmsTheirLambdaThrottlesAndIteratorAge_andEveryQueueItsAgeOfOldestMessage() throws Exception {
    String token = stack.token("metrics-owner");
    assertThat(stack.post("/links", token, "{\"url\":\"https://example.com/metrics\",\"alias\":\"metrics-probe\"}").status()).isEqualTo(201);
    assertThat(stack.get("/metrics-probe", null).status()).isEqualTo(302);
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(120))).isTrue();

    var throttles = stats("AWS/Lambda", "Throttles", "FunctionName", "RedirectFunction");
    assertThat(throttles.sampleCount()).as("one datapoint per invocation").isGreaterThanOrEqualTo(1.0);
    assertThat(throttles.sum()).as("the local runtime never throttles").isZero();
    var iteratorAge = stats("AWS/Lambda", "IteratorAge", "FunctionName", "AggregatorFunction");
    assertThat(iteratorAge.sampleCount()).as("one per stream batch").isGreaterThanOrEqualTo(1.0);
    assertThat(iteratorAge.maximum()).as("milliseconds, the timeline not moved").isBetween(0.0, 60_000.0);

    TIMELINE.advance(Duration.ofMinutes(1));
    var ages = cloudWatch.listMetrics(r -> r.namespace("AWS/SQS").metricName("ApproximateAgeOfOldestMessage")).metrics();
    assertThat(ages).as("one metric per queue of the template").hasSize(stack.stack().template().resourcesOfType("AWS::SQS::Queue").size());
    String queue = stack.stack().queueUrl("ClicksQueue");
    assertThat(stats("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", queue.substring(queue.lastIndexOf('/') + 1)).maximum())
        .as("the clicks queue drained").isZero();
  }
}
