package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Composite alarms (PutCompositeAlarm reference): a rule over other alarms' states, evaluated when they change. */
class CompositeAlarmTest extends CloudWatchFixture {
  @BeforeEach
  void children() {
    client.putMetricAlarm(errorsAlarm("long", 1, 1).alarmActions(java.util.List.of()).okActions(java.util.List.of()).period(600).build());
    client.putMetricAlarm(errorsAlarm("short", 1, 1).alarmActions(java.util.List.of()).okActions(java.util.List.of()).build());
  }

  private void composite(String rule) {
    client.putCompositeAlarm(r -> r.alarmName("page").alarmRule(rule).alarmActions(TOPIC).okActions(TOPIC));
  }

  @Test
  void andOfTwoWindows_alarmsOnlyWhileBothAre_andRecoversWhenEitherDoes() {
    composite("ALARM(long) AND ALARM(short)");
    putErrors(5, now().plusSeconds(10));
    advance(Duration.ofMinutes(1));
    assertThat(state("long")).isEqualTo(StateValue.ALARM);
    assertThat(state("short")).isEqualTo(StateValue.ALARM);
    assertThat(state("page")).isEqualTo(StateValue.ALARM);
    putErrors(0, now().plusSeconds(10));
    advance(Duration.ofMinutes(1));
    assertThat(state("short")).isEqualTo(StateValue.OK);
    assertThat(state("long")).isEqualTo(StateValue.ALARM);
    assertThat(state("page")).isEqualTo(StateValue.OK);
    assertThat(pages()).containsExactly("page:INSUFFICIENT_DATA->OK", "page:OK->ALARM", "page:ALARM->OK");
  }

  @Test
  void childrenChangingAtTheSameMinute_areSeenTogether_soTheCompositeDoesNotFlap() {
    client.putMetricAlarm(errorsAlarm("a", 1, 1).alarmActions(java.util.List.of()).okActions(java.util.List.of()).build());
    client.putMetricAlarm(errorsAlarm("b", 1, 1).dimensions(dim("Service", "api")).alarmActions(java.util.List.of()).okActions(java.util.List.of()).build());
    composite("ALARM(a) OR ALARM(b)");
    putErrors(5, now());
    advance(Duration.ofMinutes(1));
    assertThat(state("page")).isEqualTo(StateValue.ALARM);
    putErrors(0, now());
    client.putMetricData(r -> r.namespace("App").metricData(m -> m.metricName("Errors").dimensions(dim("Service", "api")).value(5.0).timestamp(now())));
    advance(Duration.ofMinutes(1));
    assertThat(state("a")).isEqualTo(StateValue.OK);
    assertThat(state("b")).isEqualTo(StateValue.ALARM);
    assertThat(pages()).containsExactly("page:INSUFFICIENT_DATA->OK", "page:OK->ALARM");
  }

  @Test
  void insufficientData_onlyBetweenCreationAndTheFirstEvaluation() {
    composite("ALARM(long) OR ALARM(short)");
    CompositeAlarm c = client.describeAlarms(r -> r.alarmTypesWithStrings("CompositeAlarm")).compositeAlarms().get(0);
    assertThat(c.stateValue()).as("children are INSUFFICIENT_DATA: the rule is false").isEqualTo(StateValue.OK);
    assertThat(c.alarmRule()).isEqualTo("ALARM(long) OR ALARM(short)");
    assertThat(c.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:page");
  }

  @Test
  void stateReason_namesTheChildThatTriggeredIt() {
    composite("ALARM(\"arn:aws:cloudwatch:us-east-1:000000000000:alarm:short\")");
    putErrors(5, now().plusSeconds(10));
    advance(Duration.ofMinutes(1));
    CompositeAlarm c = client.describeAlarms(r -> r.alarmTypesWithStrings("CompositeAlarm")).compositeAlarms().get(0);
    assertThat(c.stateReason()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:short transitioned to ALARM at Monday 06 January, 2025 00:01:00 UTC");
    assertThat(c.stateReasonData()).contains("\"triggeringAlarms\":[{\"arn\":\"arn:aws:cloudwatch:us-east-1:000000000000:alarm:short\",\"state\":{\"value\":\"ALARM\"");
  }

  @Test
  void compositesOfComposites_cascade() {
    composite("ALARM(short)");
    client.putCompositeAlarm(r -> r.alarmName("top").alarmRule("ALARM(page) AND NOT OK(long)"));
    putErrors(5, now().plusSeconds(10));
    advance(Duration.ofMinutes(1));
    assertThat(state("top")).isEqualTo(StateValue.ALARM);
  }

  @Test
  void aCycle_stopsTheEvaluation() {
    composite("ALARM(short)");
    client.putCompositeAlarm(r -> r.alarmName("loop").alarmRule("ALARM(page)"));
    composite("ALARM(short) OR ALARM(loop)");
    putErrors(5, now().plusSeconds(10));
    advance(Duration.ofMinutes(1));
    assertThat(state("page")).isEqualTo(StateValue.ALARM);
    assertThat(state("loop")).isEqualTo(StateValue.ALARM);
  }

  @Test
  void aRuleNamingAnUnknownAlarm_isRefused() {
    assertThatThrownBy(() -> composite("ALARM(long) AND ALARM(nosuch)"))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.getMessage()).contains("nosuch");
        });
    assertThat(client.describeAlarms(r -> r.alarmTypesWithStrings("CompositeAlarm")).compositeAlarms()).isEmpty();
  }

  @Test
  void anAlarmACompositeNames_cannotBeDeleted_unlessTheCompositeGoesToo() {
    composite("ALARM(long) AND ALARM(short)");
    assertThatThrownBy(() -> client.deleteAlarms(r -> r.alarmNames("short")))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.getMessage()).contains("composite alarm page"));
    client.deleteAlarms(r -> r.alarmNames("short", "page"));
    assertThat(client.describeAlarms(r -> r.alarmTypesWithStrings("MetricAlarm", "CompositeAlarm")).metricAlarms())
        .extracting(a -> a.alarmName()).containsExactly("long");
  }
}
