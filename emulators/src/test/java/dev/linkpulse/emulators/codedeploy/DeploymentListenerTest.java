package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.POST_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.PRE_TRAFFIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/** What a caller printing progress sees: the shift, each hook, the alarm states and the outcome, in order. */
class DeploymentListenerTest {
  @Test
  void aCanaryWithHooksReportsEachStepInOrder() {
    try (CodeDeployFixture cd = new CodeDeployFixture()) {
      cd.createGroup("CodeDeployDefault.LambdaCanary10Percent5Minutes");
      String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
      cd.passLastHook();
      cd.advance(Duration.ofMinutes(5));
      cd.passLastHook();
      assertThat(cd.events).map(DeploymentListenerTest::describe).containsExactly(
          "Started 1->2 CodeDeployDefault.LambdaCanary10Percent5Minutes",
          "HookStarted BeforeAllowTraffic " + PRE_TRAFFIC, "HookFinished BeforeAllowTraffic Succeeded",
          "TrafficShifted {1=0.9, 2=0.1}", "TrafficShifted {2=1.0}",
          "HookStarted AfterAllowTraffic " + POST_TRAFFIC, "HookFinished AfterAllowTraffic Succeeded",
          "Finished Succeeded null");
      assertThat(cd.events).allMatch(e -> e.deploymentId().equals(id));
    }
  }

  @Test
  void aRollbackReportsTheRollbackDeploymentThenTheOutcome() {
    try (CodeDeployFixture cd = new CodeDeployFixture()) {
      cd.createGroup("CodeDeployDefault.LambdaCanary10Percent5Minutes",
          r -> r.autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_FAILURE")));
      cd.deploy(CodeDeployFixture.appSpec(PRE_TRAFFIC, null));
      cd.report(cd.lastInvocation(), LifecycleEventStatus.FAILED);
      assertThat(cd.events.subList(2, cd.events.size())).map(DeploymentListenerTest::describe).containsExactly(
          "HookFinished BeforeAllowTraffic Failed", "Started 2->1 CodeDeployDefault.LambdaAllAtOnce",
          "TrafficShifted {1=1.0}", "Finished Succeeded null", "RolledBack 1 true", "Finished Failed HOOK_EXECUTION_FAILURE");
    }
  }

  /** A listener that throws is the listener's problem: the deployment goes on. */
  @Test
  void aListenerThatThrowsDoesNotStopTheDeployment() {
    try (CodeDeployFixture cd = new CodeDeployFixture(b -> b.listener(e -> {
      throw new IllegalStateException("printer broke");
    }))) {
      cd.createGroup("CodeDeployDefault.LambdaAllAtOnce");
      String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
      assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
      assertThat(cd.events(DeploymentEvent.Finished.class)).hasSize(1);
    }
  }

  private static String describe(DeploymentEvent event) {
    if (event instanceof DeploymentEvent.Started s) {
      return "Started " + s.currentVersion() + "->" + s.targetVersion() + " " + s.deploymentConfigName();
    }
    if (event instanceof DeploymentEvent.HookStarted h) return "HookStarted " + h.lifecycleEvent() + " " + h.functionName();
    if (event instanceof DeploymentEvent.HookFinished h) return "HookFinished " + h.lifecycleEvent() + " " + h.status();
    if (event instanceof DeploymentEvent.TrafficShifted t) return "TrafficShifted " + new java.util.TreeMap<>(t.weights());
    if (event instanceof DeploymentEvent.AlarmStates a) return "AlarmStates " + a.states();
    if (event instanceof DeploymentEvent.RolledBack r) return "RolledBack " + r.version() + " " + r.succeeded();
    DeploymentEvent.Finished f = (DeploymentEvent.Finished) event;
    return "Finished " + f.status() + " " + f.errorCode();
  }
}
