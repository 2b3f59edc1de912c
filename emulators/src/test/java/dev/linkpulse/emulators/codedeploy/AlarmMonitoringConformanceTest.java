package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.emulators.codedeploy.CodeDeployFixture.Shift;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentCreator;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventAlreadyCompletedException;

/**
 * "You can configure a deployment group to stop a deployment whenever any CloudWatch alarm you associate with the
 * deployment group is activated", and "Roll back when alarm thresholds are met": through the real client.
 */
class AlarmMonitoringConformanceTest {
  private static final String CANARY = "CodeDeployDefault.LambdaCanary10Percent5Minutes";
  private static final String FAST_BURN = "redirect-fast-burn";
  private static final String ERRORS = "redirect-errors";
  private CodeDeployFixture cd = new CodeDeployFixture();

  @AfterEach
  void stop() {
    cd.close();
  }

  private void group(boolean rollbackOnAlarm, boolean ignorePollFailure) {
    cd.alarmStates.put(FAST_BURN, "OK");
    cd.alarmStates.put(ERRORS, "OK");
    cd.createGroup(CANARY, r -> watched(r, ignorePollFailure).autoRollbackConfiguration(a -> a.enabled(rollbackOnAlarm)
        .eventsWithStrings(rollbackOnAlarm ? new String[] {"DEPLOYMENT_STOP_ON_ALARM"} : new String[0])));
  }

  private static CreateDeploymentGroupRequest.Builder watched(CreateDeploymentGroupRequest.Builder r, boolean ignorePollFailure) {
    return r.alarmConfiguration(a -> a.enabled(true).ignorePollAlarmFailure(ignorePollFailure)
        .alarms(x -> x.name(FAST_BURN), x -> x.name(ERRORS)));
  }

  @Test
  void anAlarmInAlarmMidShiftStopsTheDeploymentAndRollsTheAliasBack() {
    group(true, false);
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThat(cd.aliasWeights()).isEqualTo(Map.of("1", 0.9, "2", 0.1));
    cd.advance(Duration.ofMinutes(2));
    cd.alarmStates.put(FAST_BURN, "ALARM");
    cd.advance(CodeDeployEmulator.DEFAULT_ALARM_POLL_INTERVAL);
    DeploymentInfo info = cd.info(id);
    assertThat(info.status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(info.errorInformation().codeAsString()).isEqualTo("ALARM_ACTIVE");
    assertThat(info.errorInformation().message()).endsWith("Activated alarms: " + FAST_BURN);
    assertThat(info.completeTime()).isEqualTo(T0.plus(Duration.ofMinutes(2)).plus(CodeDeployEmulator.DEFAULT_ALARM_POLL_INTERVAL));
    assertThat(cd.aliasWeights()).isEqualTo(Map.of("1", 1.0));
    cd.advance(Duration.ofMinutes(10));
    assertThat(cd.shifts).extracting(Shift::weights).doesNotContain(Map.of("2", 1.0));

    DeploymentInfo rollback = cd.info(info.rollbackInfo().rollbackDeploymentId());
    assertThat(rollback.creator()).isEqualTo(DeploymentCreator.CODE_DEPLOY_ROLLBACK);
    assertThat(rollback.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    assertThat(rollback.rollbackInfo().rollbackTriggeringDeploymentId()).isEqualTo(id);
    assertThat(info.rollbackInfo().rollbackMessage()).contains(rollback.deploymentId(), "version 1");
  }

  @Test
  void withoutRollbackTheAliasStaysWhereTheAlarmStoppedIt() {
    group(false, false);
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    cd.alarmStates.put(ERRORS, "ALARM");
    cd.advance(Duration.ofMinutes(1));
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(cd.info(id).rollbackInfo()).isNull();
    assertThat(cd.shifts).extracting(Shift::weights).containsExactly(Map.of("1", 0.9, "2", 0.1));
  }

  /** Alarms are watched for the whole deployment, hooks included; the stopped hook's late report is refused. */
  @Test
  void anAlarmDuringAHookStopsTheDeploymentWhileTheHookRuns() {
    group(true, false);
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    cd.alarmStates.put(ERRORS, "ALARM");
    cd.advance(CodeDeployEmulator.DEFAULT_ALARM_POLL_INTERVAL);
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(cd.lifecycleEvent(id, "BeforeAllowTraffic").statusAsString()).isEqualTo("Failed");
    assertThatThrownBy(() -> cd.passLastHook()).isInstanceOf(LifecycleEventAlreadyCompletedException.class);
    assertThat(cd.shifts).extracting(Shift::weights).containsExactly(Map.of("1", 1.0));
  }

  @Test
  void anAlarmAlreadyInAlarmStopsTheDeploymentAtStart() {
    group(true, false);
    cd.alarmStates.put(FAST_BURN, "ALARM");
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(cd.invocations).isEmpty();
  }

  /** Every traffic shift is checked, not only the polls between them. */
  @Test
  void anAlarmIsCheckedBeforeEachTrafficShift() {
    try (CodeDeployFixture slowPolls = new CodeDeployFixture(b -> b.alarmPollInterval(Duration.ofHours(1)))) {
      cd.close();
      cd = slowPolls;
      group(true, false);
      String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
      cd.alarmStates.put(FAST_BURN, "ALARM");
      cd.advance(Duration.ofMinutes(5));
      assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
      assertThat(cd.shifts).extracting(Shift::weights).containsExactly(Map.of("1", 0.9, "2", 0.1), Map.of("1", 1.0));
    }
  }

  /** "Ignore alarm configuration": alarms stay configured, deployments proceed. */
  @Test
  void aDisabledAlarmConfigurationIsIgnored() {
    cd.alarmStates.put(ERRORS, "ALARM");
    cd.createGroup(CANARY, r -> r.alarmConfiguration(a -> a.enabled(false).alarms(x -> x.name(ERRORS))));
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    cd.advance(Duration.ofMinutes(5));
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
  }

  /** ignorePollAlarmFailure: "false: The deployment stops if alarm status information can't be retrieved". */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void unreadableAlarmsStopTheDeploymentUnlessPollFailuresAreIgnored(boolean ignorePollFailure) {
    group(false, ignorePollFailure);
    cd.alarmFailure = new IllegalStateException("CloudWatch is unreachable");
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    cd.advance(Duration.ofMinutes(5));
    assertThat(cd.info(id).status()).isEqualTo(ignorePollFailure ? DeploymentStatus.SUCCEEDED : DeploymentStatus.STOPPED);
    if (!ignorePollFailure) assertThat(cd.info(id).errorInformation().message()).contains("could not be retrieved");
  }

  @Test
  void anAlarmThatDoesNotExistCountsAsUnreadable() {
    group(false, false);
    cd.alarmStates.remove(ERRORS);
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(cd.info(id).errorInformation().message()).contains(ERRORS);
  }

  @Test
  void aDeploymentsOverrideAlarmConfigurationReplacesTheGroups() {
    group(false, false);
    cd.alarmStates.put("canary-only", "ALARM");
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks(),
        r -> r.overrideAlarmConfiguration(a -> a.enabled(true).alarms(x -> x.name("canary-only"))));
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(cd.info(id).overrideAlarmConfiguration().alarms()).extracting(a -> a.name()).containsExactly("canary-only");
  }

  @Test
  void theListenerSeesAlarmStatesWhenTheyChange() {
    group(true, false);
    cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    cd.advance(Duration.ofMinutes(1));
    cd.alarmStates.put(ERRORS, "ALARM");
    cd.advance(Duration.ofMinutes(1));
    assertThat(cd.events(DeploymentEvent.AlarmStates.class)).extracting(DeploymentEvent.AlarmStates::states)
        .containsExactly(Map.of(FAST_BURN, "OK", ERRORS, "OK"), Map.of(FAST_BURN, "OK", ERRORS, "ALARM"));
  }
}
