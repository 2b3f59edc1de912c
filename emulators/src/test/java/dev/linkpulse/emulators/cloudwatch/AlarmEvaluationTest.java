package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** "Evaluating an alarm" (CloudWatch user guide): Period, EvaluationPeriods, DatapointsToAlarm, TreatMissingData. */
class AlarmEvaluationTest extends CloudWatchFixture {
  /** One datapoint per minute, from minute 0; a negative value is a minute without data. */
  private void minutes(double... values) {
    for (double v : values) {
      if (v >= 0) putErrors(v, now().plusSeconds(30));
      advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void newAlarm_startsInInsufficientData_withTheInitialReason() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).build());
    MetricAlarm a = client.describeAlarms(r -> r.alarmNames("a")).metricAlarms().get(0);
    assertThat(a.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    assertThat(a.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
  }

  @Test
  void threeOutOfThree_alarmsOnlyWhenAllThreeMostRecentBreach_andRecoversOnTheFirstGoodOne() {
    client.putMetricAlarm(errorsAlarm("a", 3, 3).build());
    minutes(5, 5);
    assertThat(state("a")).isNotEqualTo(StateValue.ALARM);
    minutes(5);
    assertThat(state("a")).isEqualTo(StateValue.ALARM);
    minutes(0);
    assertThat(state("a")).isEqualTo(StateValue.OK);
    minutes(5);
    assertThat(state("a")).isEqualTo(StateValue.OK);
  }

  @Test
  void mOutOfN_breachingDatapointsNeedNotBeConsecutive() {
    client.putMetricAlarm(errorsAlarm("a", 5, 3).build());
    minutes(5, 0, 5, 0);
    assertThat(state("a")).isEqualTo(StateValue.OK);
    minutes(5);
    assertThat(state("a")).isEqualTo(StateValue.ALARM);
    MetricAlarm a = client.describeAlarms(r -> r.alarmNames("a")).metricAlarms().get(0);
    assertThat(a.stateReason()).startsWith("Threshold Crossed: 3 out of the last 5 datapoints [5.0 (06/01/25 00:04:00), 5.0 (06/01/25 00:02:00), 5.0 (06/01/25 00:00:00)]")
        .endsWith("were greater than or equal to the threshold (1.0) (minimum 3 datapoints for OK -> ALARM transition).");
    assertThat(a.stateReasonData()).contains("\"period\":60", "\"statistic\":\"Sum\"", "\"recentDatapoints\":[5.0,0.0,5.0,0.0,5.0]",
        "\"evaluatedDatapoints\":[{\"timestamp\":\"2025-01-06T00:04:00.000+0000\",\"sampleCount\":1.0,\"value\":5.0}");
    minutes(0);
    assertThat(state("a")).as("0 5 0 5 0").isEqualTo(StateValue.OK);
  }

  @Test
  void period_aggregatesEachDatapointOverItsLength_andWindowsSlideWithTheMinute() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).period(300).threshold(10.0).build());
    minutes(3, 3, 3);
    assertThat(state("a")).isEqualTo(StateValue.OK);
    minutes(3);
    assertThat(state("a")).isEqualTo(StateValue.ALARM);
    minutes(0, 0, 0, 0);
    assertThat(state("a")).isEqualTo(StateValue.OK);
  }

  @ParameterizedTest(name = "TreatMissingData {0} with no data at all: {1}")
  @CsvSource({"missing, INSUFFICIENT_DATA", "notBreaching, OK", "breaching, ALARM", "ignore, INSUFFICIENT_DATA"})
  void treatMissingData_whenEveryDatapointIsMissing(String treat, String expected) {
    client.putMetricAlarm(errorsAlarm("a", 3, 3).treatMissingData(treat).build());
    minutes(-1, -1, -1, -1, -1);
    assertThat(state("a").toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "TreatMissingData {0} after data stops following OK: {1}")
  @CsvSource({"missing, INSUFFICIENT_DATA", "notBreaching, OK", "breaching, ALARM", "ignore, OK"})
  void treatMissingData_whenTheMetricStopsReporting(String treat, String expected) {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).treatMissingData(treat).build());
    minutes(0);
    assertThat(state("a")).isEqualTo(StateValue.OK);
    minutes(-1, -1, -1, -1);
    assertThat(state("a").toString()).isEqualTo(expected);
  }

  @Test
  void treatMissingData_isIgnoredWhileEnoughRealDatapointsRemainInTheRange() {
    client.putMetricAlarm(errorsAlarm("a", 3, 3).treatMissingData("breaching").build());
    minutes(0, 0, 0);
    minutes(-1);
    assertThat(state("a")).as("0 0 0 - : three real datapoints remain, none breaching").isEqualTo(StateValue.OK);
    minutes(-1, -1);
    assertThat(state("a")).as("0 0 - - - : the guide's row 2, a real good datapoint and two breaching fillers").isEqualTo(StateValue.OK);
    minutes(-1, -1);
    assertThat(state("a")).as("- - - - - after the real ones left the range").isEqualTo(StateValue.ALARM);
  }

  @Test
  void alarmsOnDynamoDbMetrics_alwaysIgnoreMissingData() {
    client.putMetricAlarm(r -> r.alarmName("d").namespace("AWS/DynamoDB").metricName("ThrottledRequests").dimensions(dim("TableName", "t"))
        .statistic("Sum").period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanOrEqualToThreshold").treatMissingData("breaching"));
    minutes(-1, -1, -1);
    assertThat(state("d")).isEqualTo(StateValue.INSUFFICIENT_DATA);
    cloudWatch.putMetric("AWS/DynamoDB", "ThrottledRequests", Map.of("TableName", "t"), 3, "Count");
    minutes(-1);
    assertThat(state("d")).isEqualTo(StateValue.ALARM);
    minutes(-1, -1, -1, -1);
    assertThat(state("d")).isEqualTo(StateValue.ALARM);
  }

  @Test
  void lessThanThreshold_andPercentileStatistics() {
    client.putMetricAlarm(r -> r.alarmName("slow").namespace("App").metricName("Latency").extendedStatistic("p90").period(60)
        .evaluationPeriods(1).threshold(100.0).comparisonOperator("GreaterThanThreshold"));
    client.putMetricAlarm(r -> r.alarmName("quiet").namespace("App").metricName("Latency").statistic("SampleCount").period(60)
        .evaluationPeriods(1).threshold(20.0).comparisonOperator("LessThanThreshold"));
    Double[] latencies = new Double[10];
    for (int i = 0; i < 10; i++) latencies[i] = i < 9 ? 10.0 : 500.0;
    client.putMetricData(r -> r.namespace("App").metricData(m -> m.metricName("Latency").values(latencies).timestamp(now())));
    advance(Duration.ofMinutes(1));
    assertThat(state("slow")).as("p90 of nine 10s and one 500 is 10").isEqualTo(StateValue.OK);
    assertThat(state("quiet")).isEqualTo(StateValue.ALARM);
    client.putMetricData(r -> r.namespace("App").metricData(m -> m.metricName("Latency").values(latencies).counts(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 20.0).timestamp(now())));
    advance(Duration.ofMinutes(1));
    assertThat(state("slow")).isEqualTo(StateValue.ALARM);
    assertThat(state("quiet")).isEqualTo(StateValue.OK);
  }

  @Test
  void evaluateLowSampleCountPercentile_ignore_keepsTheStateWithTooFewSamples() {
    client.putMetricAlarm(r -> r.alarmName("p99").namespace("App").metricName("Latency").extendedStatistic("p99").period(60)
        .evaluationPeriods(1).threshold(100.0).comparisonOperator("GreaterThanThreshold").evaluateLowSampleCountPercentile("ignore"));
    client.putMetricData(r -> r.namespace("App").metricData(m -> m.metricName("Latency").values(500.0).timestamp(now())));
    advance(Duration.ofMinutes(1));
    assertThat(state("p99")).as("1 sample < 10/(1-0.99)").isEqualTo(StateValue.INSUFFICIENT_DATA);
    client.putMetricData(r -> r.namespace("App").metricData(m -> m.metricName("Latency").values(500.0).counts(1000.0).timestamp(now())));
    advance(Duration.ofMinutes(1));
    assertThat(state("p99")).isEqualTo(StateValue.ALARM);
  }

  @Test
  void actions_fireOnEveryStateChange_forTheNewStatesList_andNotWhileDisabled() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).insufficientDataActions(TOPIC).build());
    minutes(5, 0);
    assertThat(pages()).containsExactly("a:INSUFFICIENT_DATA->ALARM", "a:ALARM->OK");
    client.disableAlarmActions(r -> r.alarmNames("a"));
    minutes(5);
    assertThat(state("a")).isEqualTo(StateValue.ALARM);
    assertThat(pages()).hasSize(2);
    client.enableAlarmActions(r -> r.alarmNames("a"));
    minutes(0, 5, 5);
    assertThat(pages()).containsExactly("a:INSUFFICIENT_DATA->ALARM", "a:ALARM->OK", "a:ALARM->OK", "a:OK->ALARM");
    AlarmNotification page = cloudWatch.notifications().get(3);
    assertThat(page.target()).isEqualTo(TOPIC);
    assertThat(page.message()).contains("\"NewStateValue\":\"ALARM\"", "\"OldStateValue\":\"OK\"", "\"AlarmName\":\"a\"",
        "\"Trigger\":{\"MetricName\":\"Errors\",\"Namespace\":\"App\"", "\"Region\":\"US East (N. Virginia)\"");
  }

  @Test
  void updatingAnAlarm_keepsItsState_andReevaluatesWithTheNewConfiguration() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).build());
    minutes(5);
    assertThat(state("a")).isEqualTo(StateValue.ALARM);
    client.putMetricAlarm(errorsAlarm("a", 1, 1).threshold(100.0).build());
    assertThat(state("a")).isEqualTo(StateValue.OK);
  }
}
