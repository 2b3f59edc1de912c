package dev.linkpulse.emulators.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "If any of the specified alarms are activated, the deployment stops", and the two switches beside it. */
class AlarmRuleTest {
  private static final AlarmConfiguration WATCHED = new AlarmConfiguration(true, false, List.of("fast-burn", "errors"));

  @Test
  void anyConfiguredAlarmInAlarmStops() {
    AlarmRule.Verdict verdict = AlarmRule.evaluate(WATCHED, Map.of("fast-burn", "OK", "errors", "ALARM"));
    assertThat(verdict.proceed()).isFalse();
    assertThat(verdict.activeAlarms()).containsExactly("errors");
    assertThat(verdict.message()).startsWith("One or more alarms have been activated").endsWith("Activated alarms: errors");
  }

  @Test
  void okAndInsufficientDataLetTheDeploymentGoOn() {
    assertThat(AlarmRule.evaluate(WATCHED, Map.of("fast-burn", "OK", "errors", "INSUFFICIENT_DATA")).proceed()).isTrue();
  }

  @Test
  void anAlarmThatIsNotConfiguredIsNotWatched() {
    assertThat(AlarmRule.evaluate(WATCHED, Map.of("fast-burn", "OK", "errors", "OK", "other", "ALARM")).proceed()).isTrue();
  }

  /** "Ignore alarm configuration": deployments proceed without taking the alarms into account. */
  @Test
  void aDisabledConfigurationIsIgnored() {
    AlarmConfiguration ignored = new AlarmConfiguration(false, false, List.of("errors"));
    assertThat(AlarmRule.evaluate(ignored, Map.of("errors", "ALARM")).proceed()).isTrue();
  }

  /** ignorePollAlarmFailure "false: The deployment stops if alarm status information can't be retrieved". */
  @Test
  void unreadableStatesStopUnlessPollFailuresAreIgnored() {
    assertThat(AlarmRule.evaluate(WATCHED, null).proceed()).isFalse();
    assertThat(AlarmRule.evaluate(WATCHED, Map.of("fast-burn", "OK")).message()).contains("errors could not be retrieved");
    AlarmConfiguration tolerant = new AlarmConfiguration(true, true, WATCHED.alarms());
    assertThat(AlarmRule.evaluate(tolerant, null).proceed()).isTrue();
    assertThat(AlarmRule.evaluate(tolerant, Map.of("errors", "ALARM")).proceed()).isFalse();
  }
}
