package dev.linkpulse.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.DeployDrills;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code linkpulse deploy FUNCTION} on a running local stack (its own clock: real time), followed through the stack's
 * CodeDeploy and CloudWatch with the real clients: a good version succeeds, a recorder version that drops a field is
 * failed by its PostTraffic hook and rolled back, and bad input changes nothing.
 */
class DeployCommandTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token)
      .parameter("HookTimeoutSeconds", "60");

  static DeployRun deploy(String... args) {
    return DeployRun.of(stack, args);
  }

  @Test
  void aGoodVersionDeploysAllAtOnceAndTheCommandPrintsEachStep() {
    // CodeDeploy stops a deployment whose alarm is already in ALARM when it starts, as it should. The recorder drill
    // before this test can leave the freshness fast-burn in ALARM for its window on a loaded machine (it did at a
    // load of 13): a release engineer waits for green before deploying, and so does this test.
    List<String> alarms = List.of("linkpulse-click-freshness-fast-burn", "linkpulse-pipeline-errors");
    Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(5))
        .until(() -> stack.stack().monitoring().alarmStates(alarms).values().stream().noneMatch("ALARM"::equals));
    DeployRun run = deploy("AggregatorFunction", "--type", "AllAtOnce");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Deploying AggregatorFunction", "BeforeAllowTraffic: Succeeded", "AllowTraffic: Succeeded",
        "AfterAllowTraffic: Succeeded", "traffic: AggregatorFunction:live 1 -> 2, 100% on 2", "alarms: {linkpulse-click-freshness-fast-burn=",
        "outcome: Succeeded");
  }

  @Test
  void aRecorderVersionThatDropsAFieldIsFailedByPostTrafficAndRolledBack() {
    DeployRun run = deploy("RecorderFunction", "--env", DeployDrills.DROP_FIELD + "=utm", "--type", "AllAtOnce");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("BeforeAllowTraffic: Succeeded", "AfterAllowTraffic: Failed", "rolled back by",
        "rollback succeeded", "outcome: Failed");
  }

  @Test
  void badInputIsAUsageErrorAndDeploysNothing() {
    assertThat(deploy("NoSuchFunction").exit()).isEqualTo(Linkpulse.USAGE);
    assertThat(deploy("RedirectFunction", "--type", "Canary99Percent1Minute").exit()).isEqualTo(Linkpulse.USAGE);
    assertThat(deploy("RedirectFunction", "--env", "NOEQUALS").exit()).isEqualTo(Linkpulse.USAGE);
    for (String speed : new String[] {"0", "-60", "fast", "NaN", "Infinity"}) {
      DeployRun run = deploy("RedirectFunction", "--speed", speed);
      assertThat(run.exit()).as("--speed " + speed).isEqualTo(Linkpulse.USAGE);
      assertThat(run.err().lines()).as(run.err()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("--speed", "'" + speed + "' is not a positive number");
    }
    // This stack runs on the wall clock: a deploy that expects 60x would see bake times, not alarm periods, sped up.
    DeployRun faster = deploy("RedirectFunction", "--speed", "60");
    assertThat(faster.exit()).isEqualTo(Linkpulse.USAGE);
    assertThat(faster.err().lines()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("linkpulse: --speed 60: this stack's clock runs at 1x the wall clock").contains("./linkpulse up --speed 60")
        .doesNotContain("{", "BadDeployment");
    var deployments = stack.stack().deployments();
    assertThat(deployments.client().listDeploymentGroups(r -> r.applicationName(deployments.application())).deploymentGroups())
        .noneMatch(group -> group.contains("RedirectFunction"));
    assertThatThrownBy(() -> deployments.version("RedirectFunction", "2")).hasMessageContaining("has no version 2");
  }

}
