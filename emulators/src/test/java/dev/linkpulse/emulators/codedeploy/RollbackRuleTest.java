package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.RollbackRule.Trigger.ALARM;
import static dev.linkpulse.emulators.codedeploy.RollbackRule.Trigger.FAILURE;
import static dev.linkpulse.emulators.codedeploy.RollbackRule.Trigger.STOP_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Automatic rollback: one AutoRollbackEvent per way a deployment can end badly, and StopDeployment's own flag. */
class RollbackRuleTest {
  @ParameterizedTest
  @CsvSource({"FAILURE, DEPLOYMENT_FAILURE", "ALARM, DEPLOYMENT_STOP_ON_ALARM", "STOP_REQUEST, DEPLOYMENT_STOP_ON_REQUEST"})
  void eachTriggerRollsBackOnlyWhenItsEventIsConfigured(RollbackRule.Trigger trigger, String event) {
    assertThat(RollbackRule.rollsBack(new AutoRollbackConfiguration(true, Set.of(event)), trigger, null)).isTrue();
    Set<String> others = new java.util.HashSet<>(AutoRollbackConfiguration.EVENTS);
    others.remove(event);
    assertThat(RollbackRule.rollsBack(new AutoRollbackConfiguration(true, others), trigger, null)).isFalse();
  }

  /** "Disable rollbacks": the events stay configured but nothing rolls back. */
  @Test
  void aDisabledConfigurationNeverRollsBack() {
    AutoRollbackConfiguration disabled = new AutoRollbackConfiguration(false, AutoRollbackConfiguration.EVENTS);
    assertThat(RollbackRule.rollsBack(disabled, FAILURE, null)).isFalse();
    assertThat(RollbackRule.rollsBack(disabled, ALARM, null)).isFalse();
  }

  /** StopDeployment's autoRollbackEnabled decides for a stop request, either way. */
  @Test
  void stopDeploymentsFlagOverridesTheConfigurationForAStopRequest() {
    assertThat(RollbackRule.rollsBack(AutoRollbackConfiguration.NONE, STOP_REQUEST, true)).isTrue();
    AutoRollbackConfiguration onRequest = new AutoRollbackConfiguration(true, Set.of(AutoRollbackConfiguration.ON_REQUEST));
    assertThat(RollbackRule.rollsBack(onRequest, STOP_REQUEST, false)).isFalse();
    assertThat(RollbackRule.rollsBack(onRequest, FAILURE, true)).isFalse();
  }
}
