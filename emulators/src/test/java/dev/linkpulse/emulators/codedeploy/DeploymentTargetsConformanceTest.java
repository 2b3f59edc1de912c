package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.ALIAS;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.FUNCTION;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTarget;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetListSizeExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetType;
import software.amazon.awssdk.services.codedeploy.model.InvalidInstanceStatusException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTargetFilterNameException;
import software.amazon.awssdk.services.codedeploy.model.LambdaFunctionInfo;
import software.amazon.awssdk.services.codedeploy.model.LambdaTarget;
import software.amazon.awssdk.services.codedeploy.model.TargetFilterName;
import software.amazon.awssdk.services.codedeploy.model.TargetStatus;

/** A Lambda deployment's target (its function alias) and lifecycle events, as a deploy-status command reads them. */
class DeploymentTargetsConformanceTest {
  private static final String TARGET = FUNCTION + ":" + ALIAS;
  private CodeDeployFixture cd;

  @BeforeEach
  void start() {
    cd = new CodeDeployFixture();
    cd.createGroup("CodeDeployDefault.LambdaCanary10Percent5Minutes");
  }

  @AfterEach
  void stop() {
    cd.close();
  }

  @Test
  void aLambdaDeploymentHasOneTargetItsFunctionAlias() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    assertThat(cd.client.listDeploymentTargets(r -> r.deploymentId(id)).targetIds()).containsExactly(TARGET);
    DeploymentTarget target = cd.client.getDeploymentTarget(r -> r.deploymentId(id).targetId(TARGET)).deploymentTarget();
    assertThat(target.deploymentTargetType()).isEqualTo(DeploymentTargetType.LAMBDA_TARGET);
    LambdaTarget lambda = target.lambdaTarget();
    assertThat(lambda.deploymentId()).isEqualTo(id);
    assertThat(lambda.targetArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:" + FUNCTION + ":" + ALIAS);
    assertThat(lambda.status()).isEqualTo(TargetStatus.IN_PROGRESS);
    assertThat(lambda.lifecycleEvents()).extracting(e -> e.lifecycleEventName())
        .containsExactly("Start", "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic", "End");
  }

  /** LambdaFunctionInfo.targetVersionWeight: the share of traffic the target version has now. */
  @Test
  void theTargetShowsTheVersionsAndTheShareOfTrafficTheTargetVersionHasNow() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    LambdaFunctionInfo info = cd.target(id).lambdaFunctionInfo();
    assertThat(info.functionName()).isEqualTo(FUNCTION);
    assertThat(info.functionAlias()).isEqualTo(ALIAS);
    assertThat(info.currentVersion()).isEqualTo("1");
    assertThat(info.targetVersion()).isEqualTo("2");
    assertThat(info.targetVersionWeight()).isEqualTo(0.1);
    cd.advance(Duration.ofMinutes(5));
    assertThat(cd.target(id).lambdaFunctionInfo().targetVersionWeight()).isEqualTo(1.0);
    assertThat(cd.target(id).status()).isEqualTo(TargetStatus.SUCCEEDED);
    assertThat(cd.target(id).lastUpdatedAt()).isEqualTo(CodeDeployFixture.T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void lifecycleEventsCarryTheirTimes() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    cd.advance(Duration.ofMinutes(2));
    cd.passLastHook();
    var before = cd.lifecycleEvent(id, "BeforeAllowTraffic");
    assertThat(before.startTime()).isEqualTo(CodeDeployFixture.T0);
    assertThat(before.endTime()).isEqualTo(CodeDeployFixture.T0.plus(Duration.ofMinutes(2)));
    assertThat(cd.lifecycleEvent(id, "AllowTraffic").startTime()).isEqualTo(CodeDeployFixture.T0.plus(Duration.ofMinutes(2)));
    assertThat(cd.lifecycleEvent(id, "End").startTime()).isNull();
  }

  @Test
  void aDeploymentThatHasNotStartedHasNoTargetsYet() {
    String id = cd.create(GROUP, CodeDeployFixture.appSpecWithoutHooks(), r -> {});
    assertThatThrownBy(() -> cd.client.listDeploymentTargets(r -> r.deploymentId(id))).isInstanceOf(DeploymentNotStartedException.class);
    assertThatThrownBy(() -> cd.target(id)).isInstanceOf(DeploymentNotStartedException.class);
    cd.time.runDue();
    assertThat(cd.client.listDeploymentTargets(r -> r.deploymentId(id)).targetIds()).containsExactly(TARGET);
  }

  @Test
  void targetStatusFiltersKeepOnlyMatchingTargets() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThat(cd.client.listDeploymentTargets(r -> r.deploymentId(id).targetFilters(Map.of(TargetFilterName.TARGET_STATUS,
        List.of("InProgress")))).targetIds()).containsExactly(TARGET);
    assertThat(cd.client.listDeploymentTargets(r -> r.deploymentId(id).targetFilters(Map.of(TargetFilterName.TARGET_STATUS,
        List.of("Failed", "Succeeded")))).targetIds()).isEmpty();
    assertThatThrownBy(() -> cd.client.listDeploymentTargets(r -> r.deploymentId(id).targetFilters(Map.of(TargetFilterName.TARGET_STATUS,
        List.of("Broken"))))).isInstanceOf(InvalidInstanceStatusException.class);
    assertThatThrownBy(() -> cd.client.listDeploymentTargets(r -> r.deploymentId(id).targetFiltersWithStrings(Map.of("Colour",
        List.of("Blue"))))).isInstanceOf(InvalidTargetFilterNameException.class);
  }

  @Test
  void aTargetIdIsRequiredAndMustBelongToTheDeployment() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThatThrownBy(() -> cd.client.getDeploymentTarget(r -> r.deploymentId(id)))
        .isInstanceOf(DeploymentTargetIdRequiredException.class);
    assertThatThrownBy(() -> cd.client.getDeploymentTarget(r -> r.deploymentId(id).targetId("other:live")))
        .isInstanceOf(DeploymentTargetDoesNotExistException.class);
  }

  @Test
  void batchGetDeploymentTargetsReadsUpToTwentyFive() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThat(cd.client.batchGetDeploymentTargets(r -> r.deploymentId(id).targetIds(TARGET)).deploymentTargets())
        .extracting(t -> t.lambdaTarget().targetId()).containsExactly(TARGET);
    List<String> many = java.util.Collections.nCopies(26, TARGET);
    assertThatThrownBy(() -> cd.client.batchGetDeploymentTargets(r -> r.deploymentId(id).targetIds(many)))
        .isInstanceOf(DeploymentTargetListSizeExceededException.class);
  }
}
