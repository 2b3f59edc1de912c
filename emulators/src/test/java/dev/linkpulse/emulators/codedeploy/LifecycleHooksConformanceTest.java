package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.POST_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.PRE_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkpulse.emulators.codedeploy.CodeDeployFixture.Invocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InvalidLifecycleEventHookExecutionIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidLifecycleEventHookExecutionStatusException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/** The AppSpec 'hooks' section for a Lambda deployment, and PutLifecycleEventHookExecutionStatus, through the real client. */
class LifecycleHooksConformanceTest {
  private static final String CANARY = "CodeDeployDefault.LambdaCanary10Percent5Minutes";
  private CodeDeployFixture cd;

  @BeforeEach
  void start() {
    cd = new CodeDeployFixture();
    cd.createGroup(CANARY, r -> r.autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_FAILURE")));
  }

  @AfterEach
  void stop() {
    cd.close();
  }

  /** "Start, BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic, End": the hooks bracket the traffic shifting. */
  @Test
  void lifecycleEventsRunInTheDocumentedOrder() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    assertThat(cd.invocations).extracting(Invocation::function).containsExactly(PRE_TRAFFIC);
    assertThat(cd.shifts).isEmpty();
    assertThat(statuses(id)).containsExactly("Start=Succeeded", "BeforeAllowTraffic=InProgress", "AllowTraffic=Pending",
        "AfterAllowTraffic=Pending", "End=Pending");
    cd.passLastHook();
    assertThat(cd.aliasWeights()).isEqualTo(Map.of("1", 0.9, "2", 0.1));
    assertThat(statuses(id)).containsExactly("Start=Succeeded", "BeforeAllowTraffic=Succeeded", "AllowTraffic=InProgress",
        "AfterAllowTraffic=Pending", "End=Pending");
    cd.advance(Duration.ofMinutes(5));
    assertThat(cd.aliasWeights()).isEqualTo(Map.of("2", 1.0));
    assertThat(cd.invocations).extracting(Invocation::function).containsExactly(PRE_TRAFFIC, POST_TRAFFIC);
    assertThat(cd.lastInvocation().at()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    cd.passLastHook();
    assertThat(statuses(id)).containsExactly("Start=Succeeded", "BeforeAllowTraffic=Succeeded", "AllowTraffic=Succeeded",
        "AfterAllowTraffic=Succeeded", "End=Succeeded");
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
  }

  /** The hook function is invoked with {DeploymentId, LifecycleEventHookExecutionId} and nothing else. */
  @Test
  void aHookIsInvokedWithTheDeploymentIdAndItsExecutionId() throws Exception {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    Map<String, Object> event = new ObjectMapper().readValue(cd.lastInvocation().event(), new TypeReference<Map<String, Object>>() {});
    assertThat(event.keySet()).containsExactlyInAnyOrder("DeploymentId", "LifecycleEventHookExecutionId");
    assertThat(event.get("DeploymentId")).isEqualTo(id);
    assertThat((String) event.get("LifecycleEventHookExecutionId")).isNotBlank();
  }

  /** "If an event hook is not present, no operation is executed for that event." */
  @Test
  void aLifecycleEventWithoutAHookIsSkipped() {
    String id = cd.deploy(CodeDeployFixture.appSpec(null, POST_TRAFFIC));
    assertThat(cd.aliasWeights()).isEqualTo(Map.of("1", 0.9, "2", 0.1));
    assertThat(cd.lifecycleEvent(id, "BeforeAllowTraffic").statusAsString()).isEqualTo("Skipped");
  }

  /** A validation function that "delivers a result of Failed" fails the deployment; with rollback the alias stays put. */
  @Test
  void aBeforeAllowTrafficHookThatReportsFailedFailsTheDeploymentBeforeAnyTrafficShifts() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    cd.report(cd.lastInvocation(), LifecycleEventStatus.FAILED);
    DeploymentInfo info = cd.info(id);
    assertThat(info.status()).isEqualTo(DeploymentStatus.FAILED);
    assertThat(info.errorInformation().codeAsString()).isEqualTo("HOOK_EXECUTION_FAILURE");
    assertThat(info.errorInformation().message()).contains("BeforeAllowTraffic", PRE_TRAFFIC, "reported Failed");
    assertThat(cd.shifts).extracting(CodeDeployFixture.Shift::weights).containsExactly(Map.of("1", 1.0));
    LifecycleEvent hook = cd.lifecycleEvent(id, "BeforeAllowTraffic");
    assertThat(hook.statusAsString()).isEqualTo("Failed");
    assertThat(hook.diagnostics().errorCodeAsString()).isEqualTo("ScriptFailed");
    assertThat(hook.diagnostics().scriptName()).isEqualTo(PRE_TRAFFIC);
    assertThat(statuses(id)).endsWith("AllowTraffic=Skipped", "AfterAllowTraffic=Skipped", "End=Skipped");
  }

  @Test
  void anAfterAllowTrafficHookThatReportsFailedRollsTheAliasBackFromFullTraffic() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    cd.passLastHook();
    cd.advance(Duration.ofMinutes(5));
    cd.report(cd.lastInvocation(), LifecycleEventStatus.FAILED);
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.FAILED);
    assertThat(cd.shifts).extracting(CodeDeployFixture.Shift::weights)
        .containsExactly(Map.of("1", 0.9, "2", 0.1), Map.of("2", 1.0), Map.of("1", 1.0));
    assertThat(cd.info(id).rollbackInfo().rollbackDeploymentId()).isNotNull();
  }

  /** "The deployment is considered to have failed if CodeDeploy is not notified by the Lambda validation function within one hour." */
  @Test
  void aHookThatNeverReportsFailsWhenTheOneHourDefaultTimeoutPasses() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    cd.advance(Duration.ofHours(1).minusSeconds(1));
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    cd.advance(Duration.ofSeconds(1));
    DeploymentInfo info = cd.info(id);
    assertThat(info.status()).isEqualTo(DeploymentStatus.FAILED);
    assertThat(info.completeTime()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(info.errorInformation().message()).contains("did not report a status within PT1H");
    assertThat(cd.lifecycleEvent(id, "BeforeAllowTraffic").diagnostics().errorCodeAsString()).isEqualTo("ScriptTimedOut");
    assertThatThrownBy(() -> cd.passLastHook()).isInstanceOf(LifecycleEventAlreadyCompletedException.class);
  }

  @Test
  void theHookTimeoutIsConfigurable() {
    try (CodeDeployFixture quick = new CodeDeployFixture(b -> b.hookTimeout(Duration.ofMinutes(5)))) {
      quick.createGroup(CANARY);
      String id = quick.deploy(CodeDeployFixture.appSpecWithHooks());
      quick.advance(Duration.ofMinutes(5));
      assertThat(quick.info(id).status()).isEqualTo(DeploymentStatus.FAILED);
      assertThat(quick.info(id).errorInformation().message()).contains("within PT5M");
    }
  }

  /** A report resets nothing: the timeout of a hook that has reported never fires. */
  @Test
  void aHookThatReportedInTimeIsNotFailedByItsTimeoutLater() {
    String id = cd.deploy(CodeDeployFixture.appSpec(PRE_TRAFFIC, null));
    cd.passLastHook();
    cd.advance(Duration.ofHours(2));
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
  }

  @Test
  void aHookThatCannotBeInvokedFailsItsLifecycleEvent() {
    cd.invokeFailure = new IllegalStateException("Function not found: " + PRE_TRAFFIC);
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.FAILED);
    LifecycleEvent hook = cd.lifecycleEvent(id, "BeforeAllowTraffic");
    assertThat(hook.diagnostics().errorCodeAsString()).isEqualTo("UnknownError");
    assertThat(hook.diagnostics().message()).contains("could not be invoked", "Function not found");
  }

  /** LifecycleEventAlreadyCompletedException: "An attempt to return the status of an already completed lifecycle event occurred." */
  @Test
  void aSecondReportForAFinishedHookIsLifecycleEventAlreadyCompletedAndChangesNothing() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    Invocation pre = cd.lastInvocation();
    cd.report(pre, LifecycleEventStatus.SUCCEEDED);
    assertThatThrownBy(() -> cd.report(pre, LifecycleEventStatus.FAILED)).isInstanceOf(LifecycleEventAlreadyCompletedException.class);
    assertThatThrownBy(() -> cd.report(pre, LifecycleEventStatus.SUCCEEDED)).isInstanceOf(LifecycleEventAlreadyCompletedException.class);
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    assertThat(cd.shifts).hasSize(1);
    assertThat(cd.events(DeploymentEvent.HookFinished.class)).hasSize(1);
  }

  @Test
  void anExecutionIdTheDeploymentNeverIssuedIsInvalidLifecycleEventHookExecutionId() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    assertThatThrownBy(() -> cd.client.putLifecycleEventHookExecutionStatus(r -> r.deploymentId(id)
        .lifecycleEventHookExecutionId("not-issued").status(LifecycleEventStatus.SUCCEEDED)))
        .isInstanceOf(InvalidLifecycleEventHookExecutionIdException.class);
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
  }

  @Test
  void anExecutionIdOfAnotherDeploymentIsInvalidForThisOne() {
    String first = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    Invocation firstHook = cd.lastInvocation();
    cd.client.stopDeployment(r -> r.deploymentId(first).autoRollbackEnabled(false));
    String second = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    assertThatThrownBy(() -> cd.client.putLifecycleEventHookExecutionStatus(r -> r.deploymentId(second)
        .lifecycleEventHookExecutionId(firstHook.executionId()).status(LifecycleEventStatus.SUCCEEDED)))
        .isInstanceOf(InvalidLifecycleEventHookExecutionIdException.class);
  }

  /** "Lambda validation functions return Succeeded or Failed." */
  @ParameterizedTest
  @EnumSource(value = LifecycleEventStatus.class, names = {"PENDING", "IN_PROGRESS", "SKIPPED", "UNKNOWN"})
  void aStatusOtherThanSucceededOrFailedIsInvalidLifecycleEventHookExecutionStatus(LifecycleEventStatus status) {
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    assertThatThrownBy(() -> cd.report(cd.lastInvocation(), status)).isInstanceOf(InvalidLifecycleEventHookExecutionStatusException.class);
    assertThat(cd.lifecycleEvent(id, "BeforeAllowTraffic").statusAsString()).isEqualTo("InProgress");
  }

  /** Hooks may answer at once, from inside their invocation (a synchronous test double, or a fast function). */
  @Test
  void aHookMayReportFromInsideItsInvocation() {
    cd.onInvoke = invocation -> cd.report(invocation, LifecycleEventStatus.SUCCEEDED);
    String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
    cd.advance(Duration.ofMinutes(5));
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    assertThat(cd.invocations).hasSize(2);
  }

  private List<String> statuses(String id) {
    return cd.target(id).lifecycleEvents().stream().map(e -> e.lifecycleEventName() + "=" + e.statusAsString()).toList();
  }
}
