package dev.linkpulse.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.core.DeployDrills;
import dev.linkpulse.core.clicks.SyntheticClicks;
import dev.linkpulse.emulators.codedeploy.DeploymentEvent;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.local.LocalDeployments;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * Canary deploys rehearsed on the local stack: the real CodeDeployClient against the stack's CodeDeploy, the
 * template's hooks running from their jar against the new version, the stack's CloudWatch evaluating the alarms that
 * stop a deployment, the stack's timeline moved by the test. Faulty versions are the real code with a deploy drill
 * in their environment ({@link DeployDrills}), as {@code ./linkpulse deploy --env} makes them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CanaryDeployTest {
  static final Deploys deploys = new Deploys();

  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(
      parameters -> LocalStack.start(LocalConfig.ephemeral(LocalConfig.findRoot()).withParameters(parameters), Deploys.TIMELINE),
      LocalStack::apiUrl, LocalStack::token).parameter("HookTimeoutSeconds", "40");

  /** The redirect's fast-burn availability page, as the local stack ("linkpulse") names it. */
  static final String FAST_BURN = "linkpulse-redirect-availability-fast-burn";
  static LocalDeployments deployments;
  static String token;

  @BeforeAll
  static void deployments() {
    deployments = stack.stack().deployments();
    deploys.watch(deployments);
    token = stack.token("canary-owner");
  }

  @Test
  @Order(1)
  void aGoodRedirectVersionPassesBothHooksAndTakesAllTraffic() {
    Deploys.catchUp();
    String id = deployments.deploy("RedirectFunction", new LocalDeployments.Request(null, Map.of(), "Canary10Percent5Minutes"));
    deploys.awaitHook(id, "BeforeAllowTraffic");
    assertThat(deploys.weights(id)).isEqualTo(Map.of("1", 0.9, "2", 0.1));
    Deploys.TIMELINE.advance(Duration.ofMinutes(5));
    deploys.awaitHook(id, "AfterAllowTraffic");
    assertThat(deploys.outcome(deployments, id)).as(deploys.progress()).isEqualTo(DeploymentStatus.SUCCEEDED);
    assertThat(deploys.weights(id)).isEqualTo(Map.of("2", 1.0));
    assertThat(deploys.hookVerdicts(id)).containsExactly("BeforeAllowTraffic Succeeded", "AfterAllowTraffic Succeeded");
  }

  @Test
  @Order(2)
  void syntheticClicksOfTheHooksNeverReachAnOwnersStats() throws Exception {
    String code = Deploys.link(stack, token, "owner-link");
    assertThat(Deploys.clicks(stack, code, 3)).isEqualTo(3);
    // A marker made with the stack's key, for the owner's link: answered, never counted.
    Map<String, String> env = stack.stack().function("RedirectFunction").environment();
    String marker = SyntheticClicks.of(env.get("SYNTHETIC_CLICK_KEY"), env.get("CANARY_LINK_CODE")).mark(code, "test", Instant.now().plusSeconds(300));
    assertThat(stack.send("GET", "/" + code, null, null, Map.of(SyntheticClicks.HEADER, marker)).status()).isEqualTo(302);
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(Deploys.total(stack, token, code)).isEqualTo(3));
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
    assertThat(Deploys.total(stack, token, code)).isEqualTo(3);
  }

  @Test
  @Order(3)
  void aRecorderVersionThatDropsAFieldFailsPostTrafficAndIsRolledBack() {
    Deploys.catchUp();
    String id = deployments.deploy("RecorderFunction", new LocalDeployments.Request(null, Map.of(DeployDrills.DROP_FIELD, "utm"), "AllAtOnce"));
    deploys.awaitHook(id, "BeforeAllowTraffic");
    // The PostTraffic hook's clicks are recorded by the new version without their utm source, so none is counted under
    // it: the hook reports Failed ("0 of 20 clicks counted within PT40S", in its log) once HookTimeoutSeconds pass.
    deploys.awaitHook(id, "AfterAllowTraffic");
    assertThat(deploys.outcome(deployments, id)).as(deploys.progress()).isEqualTo(DeploymentStatus.FAILED);
    assertThat(deploys.hookVerdicts(id)).containsExactly("BeforeAllowTraffic Succeeded", "AfterAllowTraffic Failed");
    assertThat(deploys.hookMessage(id, "AfterAllowTraffic")).contains("CodeDeployHookRecorderPostTraffic reported Failed");
    deploys.awaitRollback(id);
    assertThat(deploys.lastWeights("RecorderFunction")).isEqualTo(Map.of("1", 1.0));
  }

  @Test
  @Order(4)
  void aVersionAnswering5xxForAFifthIsRolledBackByTheFastBurnAlarm_theOldVersionServes_andEveryClickCountsOnce() throws Exception {
    String code = Deploys.link(stack, token, "canary-drill");
    Deploys.catchUp();
    assertThat(stack.stack().monitoring().alarmStates(List.of(FAST_BURN))).containsEntry(FAST_BURN, "OK");
    String id = deployments.deploy("RedirectFunction",
        new LocalDeployments.Request(null, Map.of(DeployDrills.SERVER_ERROR_SHARE, "0.2"), "Canary10Percent5Minutes"));
    deploys.awaitHook(id, "BeforeAllowTraffic");
    // 1 in 10 reaches the new version, which fails 1 in 5 of those: 2 of 100 answers are 5xx, 40x the error budget.
    int[] during = Deploys.answers(stack, code, 100);
    assertThat(during[3]).as("the old version serves the rest").isEqualTo(98);
    assertThat(during[5]).isEqualTo(2);
    Deploys.TIMELINE.advance(Duration.ofMinutes(2));
    // The page fired (OK -> ALARM). Its state now may be OK again: the functions stamp their metrics with the wall
    // clock, which this clock leads by the first test's 5-minute bake, so the 5-minute window can pass the errors
    // within these two minutes.
    assertThat(stack.stack().monitoring().notifications()).as("the fast-burn page")
        .anyMatch(n -> n.alarmName().equals(FAST_BURN) && n.oldState().equals("OK") && n.newState().equals("ALARM"));
    assertThat(deploys.outcome(deployments, id)).as(deploys.progress()).isEqualTo(DeploymentStatus.STOPPED);
    assertThat(deployments.client().getDeployment(r -> r.deploymentId(id)).deploymentInfo().errorInformation().message()).contains(FAST_BURN);
    deploys.awaitRollback(id);
    assertThat(deploys.lastWeights("RedirectFunction")).isEqualTo(Map.of("2", 1.0));
    int[] after = Deploys.answers(stack, code, 20);
    assertThat(after[3]).as("after the rollback the old version serves everything").isEqualTo(20);
    int redirected = during[3] + after[3];
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(Deploys.total(stack, token, code)).isEqualTo(redirected));
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
    assertThat(Deploys.total(stack, token, code)).isEqualTo(redirected);
  }

  @Test
  @Order(5)
  void aHookThatNeverReportsFailsTheDeploymentWhenItsTimeoutPasses() {
    String id = deployments.deploy("AggregatorFunction", new LocalDeployments.Request(null, Map.of(), "AllAtOnce"));
    deployments.hook("CodeDeployHookAggregatorPreTraffic").injectFailures(Long.MAX_VALUE);
    Deploys.TIMELINE.runDue();
    await().atMost(Duration.ofSeconds(30)).until(() -> deploys.events().stream()
        .anyMatch(e -> e instanceof DeploymentEvent.HookStarted h && h.deploymentId().equals(id)));
    Deploys.TIMELINE.advance(Duration.ofMinutes(59));
    assertThat(deploys.status(deployments, id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
    Deploys.TIMELINE.advance(Duration.ofMinutes(2));
    assertThat(deploys.outcome(deployments, id)).isEqualTo(DeploymentStatus.FAILED);
    deploys.awaitRollback(id);
  }
}
