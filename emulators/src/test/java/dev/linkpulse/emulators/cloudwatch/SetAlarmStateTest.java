package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * SetAlarmState (API reference): the state holds until the next evaluation of a metric alarm, which returns it to
 * its actual state; a composite alarm keeps it until one of its children changes state. Actions fire both times.
 */
class SetAlarmStateTest extends CloudWatchFixture {
  @Test
  void metricAlarm_returnsToItsActualStateAtTheNextEvaluation() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).treatMissingData("notBreaching").build());
    advance(Duration.ofMinutes(1));
    assertThat(state("a")).isEqualTo(StateValue.OK);
    client.setAlarmState(r -> r.alarmName("a").stateValue(StateValue.ALARM).stateReason("drill").stateReasonData("{\"by\":\"test\"}"));
    MetricAlarm a = client.describeAlarms(r -> r.alarmNames("a")).metricAlarms().get(0);
    assertThat(a.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(a.stateReason()).isEqualTo("drill");
    assertThat(a.stateReasonData()).isEqualTo("{\"by\":\"test\"}");
    advance(Duration.ofSeconds(59));
    assertThat(state("a")).isEqualTo(StateValue.ALARM);
    advance(Duration.ofSeconds(1));
    assertThat(state("a")).isEqualTo(StateValue.OK);
    assertThat(pages()).containsExactly("a:INSUFFICIENT_DATA->OK", "a:OK->ALARM", "a:ALARM->OK");
  }

  @Test
  void compositeAlarm_keepsTheSetStateUntilAChildChanges() {
    client.putMetricAlarm(errorsAlarm("child", 1, 1).treatMissingData("notBreaching").alarmActions(java.util.List.of()).okActions(java.util.List.of()).build());
    client.putCompositeAlarm(r -> r.alarmName("parent").alarmRule("ALARM(child)").alarmActions(TOPIC).okActions(TOPIC));
    advance(Duration.ofMinutes(1));
    client.setAlarmState(r -> r.alarmName("parent").stateValue(StateValue.ALARM).stateReason("drill"));
    advance(Duration.ofMinutes(10));
    assertThat(state("parent")).isEqualTo(StateValue.ALARM);
    putErrors(3, now());
    advance(Duration.ofMinutes(1));
    assertThat(state("child")).isEqualTo(StateValue.ALARM);
    putErrors(0, now());
    advance(Duration.ofMinutes(1));
    assertThat(state("parent")).isEqualTo(StateValue.OK);
    assertThat(pages()).containsExactly("parent:INSUFFICIENT_DATA->OK", "parent:OK->ALARM", "parent:ALARM->OK");
  }

  @Test
  void alarmStates_answersEveryNamedAlarm_metricAndComposite_andLeavesOutUnknownNames() {
    client.putMetricAlarm(errorsAlarm("errors", 1, 1).build());
    client.putCompositeAlarm(r -> r.alarmName("any").alarmRule("ALARM(errors)"));
    client.setAlarmState(r -> r.alarmName("errors").stateValue(StateValue.ALARM).stateReason("drill"));
    assertThat(cloudWatch.alarmStates(java.util.List.of("errors", "any", "nobody")))
        .containsExactly(java.util.Map.entry("errors", "ALARM"), java.util.Map.entry("any", "ALARM"));
  }

  @Test
  void unknownAlarm_isResourceNotFound() {
    assertThatThrownBy(() -> client.setAlarmState(r -> r.alarmName("nope").stateValue(StateValue.OK).stateReason("x")))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
          assertThat(e.statusCode()).isEqualTo(404);
        });
  }

  @Test
  void stateReasonDataMustBeJson() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).build());
    assertThatThrownBy(() -> client.setAlarmState(r -> r.alarmName("a").stateValue(StateValue.OK).stateReason("x").stateReasonData("{not json")))
        .isInstanceOf(InvalidFormatException.class);
    assertThat(state("a")).isEqualTo(StateValue.INSUFFICIENT_DATA);
  }

  @Test
  void stateValueMustBeAState() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).build());
    assertThatThrownBy(() -> client.setAlarmState(r -> r.alarmName("a").stateValue("BROKEN").stateReason("x")))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
  }
}
