package dev.linkpulse.emulators.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.emulators.codedeploy.CodeDeployFixture.Shift;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentIdException;
import software.amazon.awssdk.services.codedeploy.model.StopDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.StopStatus;

/** StopDeployment "Attempts to stop an ongoing deployment", rolling back when autoRollbackEnabled says so. */
class StopDeploymentConformanceTest {
  private static final String CANARY = "CodeDeployDefault.LambdaCanary10Percent5Minutes";
  private final CodeDeployFixture cd = new CodeDeployFixture();

  @AfterEach
  void stop() {
    cd.close();
  }

  @Test
  void stopWithAutoRollbackEnabledReturnsTheAliasToTheCurrentVersion() {
    cd.createGroup(CANARY);
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    StopDeploymentResponse stop = cd.client.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));
    assertThat(stop.status()).isEqualTo(StopStatus.SUCCEEDED);
    DeploymentInfo info = cd.info(id);
    assertThat(info.status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(info.errorInformation().codeAsString()).isEqualTo("MANUAL_STOP");
    assertThat(cd.aliasWeights()).isEqualTo(Map.of("1", 1.0));
    assertThat(cd.info(info.rollbackInfo().rollbackDeploymentId()).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
  }

  @Test
  void stopWithoutRollbackLeavesTheAliasWhereItWas() {
    cd.createGroup(CANARY, r -> r.autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_STOP_ON_REQUEST")));
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    cd.client.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(false));
    cd.advance(Duration.ofMinutes(10));
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(cd.info(id).rollbackInfo()).isNull();
    assertThat(cd.shifts).extracting(Shift::weights).containsExactly(Map.of("1", 0.9, "2", 0.1));
  }

  /** Without the flag, the DEPLOYMENT_STOP_ON_REQUEST rollback event of the configuration decides. */
  @Test
  void withoutTheFlagTheGroupsStopOnRequestEventDecides() {
    cd.createGroup(CANARY, r -> r.autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_STOP_ON_REQUEST")));
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    cd.client.stopDeployment(r -> r.deploymentId(id));
    assertThat(cd.info(id).rollbackInfo().rollbackDeploymentId()).isNotNull();
    assertThat(cd.aliasWeights()).isEqualTo(Map.of("1", 1.0));
  }

  @Test
  void stoppingACompletedDeploymentIsDeploymentAlreadyCompleted() {
    cd.createGroup("CodeDeployDefault.LambdaAllAtOnce");
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    assertThatThrownBy(() -> cd.client.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true)))
        .isInstanceOf(DeploymentAlreadyCompletedException.class);
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    assertThat(cd.aliasWeights()).isEqualTo(Map.of("2", 1.0));
  }

  @Test
  void aStoppedDeploymentCannotBeStoppedAgain() {
    cd.createGroup(CANARY);
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    cd.client.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));
    assertThatThrownBy(() -> cd.client.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true)))
        .isInstanceOf(DeploymentAlreadyCompletedException.class);
    assertThat(cd.shifts).hasSize(2);
  }

  /** A deployment stopped before it started runs no lifecycle event at all. */
  @Test
  void aDeploymentStoppedBeforeItStartsSkipsEveryLifecycleEvent() {
    cd.createGroup(CANARY);
    String id = cd.create(CodeDeployFixture.GROUP, CodeDeployFixture.appSpecWithHooks(), r -> {});
    cd.client.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(false));
    cd.advance(Duration.ofMinutes(1));
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(cd.invocations).isEmpty();
    assertThat(cd.shifts).isEmpty();
  }

  @Test
  void unknownMalformedAndMissingIdsAreTheirOwnErrors() {
    assertThatThrownBy(() -> cd.client.stopDeployment(r -> r.deploymentId("d-AAAAAAAAA")))
        .isInstanceOf(DeploymentDoesNotExistException.class);
    assertThatThrownBy(() -> cd.client.stopDeployment(r -> r.deploymentId("deployment-1")))
        .isInstanceOf(InvalidDeploymentIdException.class);
    assertThatThrownBy(() -> cd.client.stopDeployment(r -> {})).isInstanceOf(DeploymentIdRequiredException.class);
  }
}
