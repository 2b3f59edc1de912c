package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** DescribeAlarms' filters: names, prefix, AlarmTypes (metric alarms only by default), state, action prefix, children, parents. */
class DescribeAlarmsTest extends CloudWatchFixture {
  @BeforeEach
  void alarms() {
    client.putMetricAlarm(errorsAlarm("web-errors", 1, 1).build());
    client.putMetricAlarm(errorsAlarm("web-latency", 1, 1).alarmActions("arn:aws:sns:us-east-1:000000000000:tickets").build());
    client.putMetricAlarm(errorsAlarm("api-errors", 1, 1).treatMissingData("notBreaching").build());
    client.putCompositeAlarm(r -> r.alarmName("web-page").alarmRule("ALARM(\"web-errors\") OR ALARM(\"web-latency\")"));
  }

  private List<String> names(DescribeAlarmsResponse r) {
    List<String> out = new ArrayList<>();
    r.metricAlarms().forEach(a -> out.add(a.alarmName()));
    r.compositeAlarms().forEach(a -> out.add(a.alarmName()));
    return out;
  }

  @Test
  void byDefault_onlyMetricAlarms_sortedByName() {
    assertThat(names(client.describeAlarms())).containsExactly("api-errors", "web-errors", "web-latency");
    assertThat(names(client.describeAlarms(r -> r.alarmTypesWithStrings("CompositeAlarm")))).containsExactly("web-page");
    assertThat(names(client.describeAlarms(r -> r.alarmTypesWithStrings("CompositeAlarm", "MetricAlarm")))).hasSize(4);
  }

  @Test
  void byNamePrefixStateAndActionPrefix() {
    advance(Duration.ofMinutes(1));
    assertThat(names(client.describeAlarms(r -> r.alarmNames("web-errors", "api-errors", "missing")))).containsExactly("api-errors", "web-errors");
    assertThat(names(client.describeAlarms(r -> r.alarmNamePrefix("web-")))).containsExactly("web-errors", "web-latency");
    assertThat(names(client.describeAlarms(r -> r.stateValue(StateValue.OK)))).containsExactly("api-errors");
    assertThat(names(client.describeAlarms(r -> r.actionPrefix("arn:aws:sns:us-east-1:000000000000:tick")))).containsExactly("web-latency");
  }

  @Test
  void childrenAndParents_ofACompositeAlarm() {
    assertThat(names(client.describeAlarms(r -> r.childrenOfAlarmName("web-page")))).containsExactly("web-errors", "web-latency");
    assertThat(names(client.describeAlarms(r -> r.parentsOfAlarmName("web-latency")))).containsExactly("web-page");
  }

  @Test
  void paging_withMaxRecordsAndNextToken() {
    DescribeAlarmsResponse first = client.describeAlarms(r -> r.maxRecords(2));
    assertThat(names(first)).containsExactly("api-errors", "web-errors");
    assertThat(names(client.describeAlarms(r -> r.maxRecords(2).nextToken(first.nextToken())))).containsExactly("web-latency");
  }

  @Test
  void aMetricMathAlarm_isDescribedWithItsQueries() {
    client.putMetricAlarm(r -> r.alarmName("ratio").evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold").metrics(
        q -> q.id("m").returnData(false).metricStat(s -> s.metric(m -> m.namespace("App").metricName("Errors").dimensions(dim("Service", "web"))).period(300).stat("Sum")),
        q -> q.id("e").expression("FILL(m, 0) * 2").label("doubled").returnData(true)));
    MetricAlarm a = client.describeAlarms(r -> r.alarmNames("ratio")).metricAlarms().get(0);
    assertThat(a.metricName()).isNull();
    assertThat(a.metrics()).hasSize(2);
    assertThat(a.metrics().get(0).metricStat().metric().dimensions()).containsExactly(dim("Service", "web"));
    assertThat(a.metrics().get(0).metricStat().period()).isEqualTo(300);
    assertThat(a.metrics().get(1).expression()).isEqualTo("FILL(m, 0) * 2");
    assertThat(a.metrics().get(1).returnData()).isTrue();
    assertThat(a.datapointsToAlarm()).isEqualTo(1);
  }
}
