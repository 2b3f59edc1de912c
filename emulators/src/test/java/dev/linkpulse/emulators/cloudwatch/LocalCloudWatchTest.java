package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.emulators.time.ManualTimeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** The handle's own surface: service metrics in AWS namespaces, the notification listener, and shutdown. */
class LocalCloudWatchTest extends CloudWatchFixture {
  @Test
  void putMetric_publishesInAwsNamespaces_whichPutMetricDataRefuses() {
    cloudWatch.putMetric("AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", "clicks-dlq"), 3, "Count");
    cloudWatch.putMetric("AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", "clicks-dlq"), 5, "Count");
    var d = client.getMetricStatistics(r -> r.namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible").dimensions(dim("QueueName", "clicks-dlq"))
        .startTime(START).endTime(START.plusSeconds(60)).period(60).statistics(Statistic.MAXIMUM)).datapoints().get(0);
    assertThat(d.maximum()).isEqualTo(5.0);
    assertThatThrownBy(() -> cloudWatch.putMetric("AWS/SQS", "X", Map.of(), Double.NaN, "Count")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cloudWatch.putMetric("AWS/SQS", "X", Map.of(), 1, "Furlongs")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theListener_hearsEveryNotification_inOrder() throws Exception {
    List<AlarmNotification> heard = new ArrayList<>();
    ManualTimeline other = new ManualTimeline(START);
    try (LocalCloudWatch cw = LocalCloudWatch.builder().timeline(other).onNotification(heard::add).start();
         var c = software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder().endpointOverride(cw.endpoint())
             .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(client.serviceClientConfiguration().credentialsProvider())
             .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
      c.putMetricAlarm(errorsAlarm("a", 1, 1).treatMissingData("breaching").build());
      other.advance(Duration.ofMinutes(1));
      assertThat(heard).extracting(AlarmNotification::newState).containsExactly("ALARM");
      assertThat(cw.notifications()).isEqualTo(heard);
    }
  }

  @Test
  void close_stopsTheEvaluation() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).okActions(List.of()).treatMissingData("notBreaching").build());
    putErrors(5, now());
    cloudWatch.close();
    int pending = timeline.pending();
    advance(Duration.ofMinutes(5));
    assertThat(cloudWatch.notifications()).isEmpty();
    assertThat(timeline.pending()).isLessThanOrEqualTo(pending);
  }

  @Test
  void evaluationRunsEveryMinuteOfTimelineTime() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).treatMissingData("notBreaching").build());
    putErrors(5, now());
    advance(Duration.ofSeconds(59));
    assertThat(state("a")).isEqualTo(StateValue.OK);
    advance(Duration.ofSeconds(1));
    assertThat(state("a")).isEqualTo(StateValue.ALARM);
  }
}
