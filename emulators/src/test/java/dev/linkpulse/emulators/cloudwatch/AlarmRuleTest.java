package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The composite AlarmRule syntax of PutCompositeAlarm, on the reference's own examples and their precedence. */
class AlarmRuleTest {
  private static final Map<String, StateValue> STATES = Map.of("CPUUtilizationTooHigh", StateValue.ALARM,
      "DiskReadOpsTooHigh", StateValue.OK, "NetworkOutTooHigh", StateValue.INSUFFICIENT_DATA, "my alarm", StateValue.ALARM);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ALARM(\"CPUUtilizationTooHigh\") AND ALARM(\"DiskReadOpsTooHigh\")|false",
      "ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh)|true",
      "ALARM(CPUUtilizationTooHigh) AND NOT ALARM(DiskReadOpsTooHigh)|true",
      "OK(DiskReadOpsTooHigh) AND INSUFFICIENT_DATA(NetworkOutTooHigh)|true",
      "NOT OK(DiskReadOpsTooHigh) OR ALARM(CPUUtilizationTooHigh) AND FALSE|false",
      "(ALARM(CPUUtilizationTooHigh) OR OK(DiskReadOpsTooHigh)) AND (OK(NetworkOutTooHigh) OR ALARM(NetworkOutTooHigh))|false",
      "ALARM(\"arn:aws:cloudwatch:us-east-1:000000000000:alarm:CPUUtilizationTooHigh\")|true",
      "ALARM(\"my alarm\")|true",
      "TRUE|true",
      "FALSE OR NOT TRUE|false",
      "NOT NOT ALARM(CPUUtilizationTooHigh)|true"})
  void ruleHolds(String rule, boolean expected) {
    assertThat(AlarmRule.parse(rule).holds(name -> STATES.getOrDefault(name, StateValue.INSUFFICIENT_DATA))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ALARM(a) AND|expected ALARM(...)",
      "AT_LEAST(2, ALARM, (a, b))|the function AT_LEAST is not supported",
      "ALARM(\"arn:aws:cloudwatch:eu-west-1:111111111111:alarm:x\")|is not an alarm of this account and region",
      "ALARM()|an alarm name or ARN is missing",
      "ALARM(a) ALARM(b)|unexpected",
      "ALARM(\"a)|not closed"})
  void malformedRulesAreRefused(String rule, String message) {
    assertThatThrownBy(() -> AlarmRule.parse(rule)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
