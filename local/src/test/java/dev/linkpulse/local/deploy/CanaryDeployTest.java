package dev.linkpulse.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.clicks.SyntheticClicks;
import dev.linkpulse.emulators.codedeploy.DeploymentEvent;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.DeploymentProgress;
import dev.linkpulse.local.LocalDeployments;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * Canary deploys rehearsed on the local stack: the real CodeDeployClient against the local CodeDeploy, the template's
 * hooks running from their jar against the new version, the timeline moved by the test. The alarm a rollback needs is
 * set through CodeDeploy's AlarmReader port (LocalAlarms): the local CloudWatch is not wired into the stack yet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CanaryDeployTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  /** The redirect's fast-burn availability alarm, as the template names it for the local stack ("linkpulse"). */
  static final String FAST_BURN = "linkpulse-redirect-availability-fast-burn";
  static final ManualTimeline time = new ManualTimeline(Instant.now());
  static final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();
  static final List<String> progress = new CopyOnWriteArrayList<>();
  static LocalDeployments deployments;
  static String token;

  @BeforeAll
  static void deployments() throws Exception {
    deployments = stack.stack().deployments(time, List.of(events::add, new DeploymentProgress(line -> {
      progress.add(line);
      System.out.println("[deploy] " + line);
    })));
    token = stack.token("canary-owner");
  }

  @Test
  @Order(1)
  void aGoodRedirectVersionPassesBothHooksAndTakesAllTraffic() {
    String id = deployments.deploy("RedirectFunction", new LocalDeployments.Request(null, Map.of(), "Canary10Percent5Minutes"));
    time.runDue();
    awaitHook(id, "BeforeAllowTraffic");
    assertThat(weights(id)).isEqualTo(Map.of("1", 0.9, "2", 0.1));
    time.advance(Duration.ofMinutes(5));
    awaitHook(id, "AfterAllowTraffic");
    time.runDue();
    await().atMost(Duration.ofSeconds(30)).until(() -> status(id) != DeploymentStatus.IN_PROGRESS);
    assertThat(status(id)).as(String.join("\n", progress)).isEqualTo(DeploymentStatus.SUCCEEDED);
    assertThat(weights(id)).isEqualTo(Map.of("2", 1.0));
    assertThat(hookVerdicts(id)).containsExactly("BeforeAllowTraffic Succeeded", "AfterAllowTraffic Succeeded");
  }

  @Test
  @Order(2)
  void syntheticClicksOfTheHooksNeverReachAnOwnersStats() throws Exception {
    String code = link("owner-link");
    for (int i = 0; i < 3; i++) {
      ApiResponse r = stack.send("GET", "/" + code, null, null, Map.of("User-Agent", "Mozilla/5.0"));
      assertThat(r.status()).isEqualTo(302);
    }
    // A marker made with the stack's key, for the owner's link: answered, never counted.
    String key = stack.stack().function("RedirectFunction").environment().get("SYNTHETIC_CLICK_KEY");
    String canary = stack.stack().function("RedirectFunction").environment().get("CANARY_LINK_CODE");
    String marker = SyntheticClicks.of(key, canary).mark(code, "test", Instant.now().plusSeconds(300));
    assertThat(stack.send("GET", "/" + code, null, null, Map.of(SyntheticClicks.HEADER, marker)).status()).isEqualTo(302);
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(total(code)).isEqualTo(3));
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
    assertThat(total(code)).isEqualTo(3);
  }

  @Test
  @Order(3)
  void aFailingVersionIsRolledBackByItsAlarm_andEveryRedirectedClickIsCountedOnce() throws Exception {
    String code = link("canary-drill");
    String id = deployments.deploy("RedirectFunction", new LocalDeployments.Request(null, Map.of(), "Canary10Percent5Minutes"));
    time.runDue();
    awaitHook(id, "BeforeAllowTraffic");
    // The new version fails every request it gets from now on: its canary share of redirects answers 5xx.
    deployments.version("RedirectFunction", "3").injectFailures(Long.MAX_VALUE);
    int redirected = clicks(code, 40);
    assertThat(redirected).as("the old version serves 9 in 10").isEqualTo(36);
    deployments.alarms().set(FAST_BURN, "ALARM");
    time.advance(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(id) != DeploymentStatus.IN_PROGRESS);
    assertThat(status(id)).isEqualTo(DeploymentStatus.STOPPED);
    time.runDue();
    assertThat(events).anyMatch(e -> e instanceof DeploymentEvent.RolledBack r && r.deploymentId().equals(id) && r.succeeded());
    redirected += clicks(code, 20);
    assertThat(redirected).as("after the rollback the old version serves everything").isEqualTo(56);
    deployments.alarms().set(FAST_BURN, "OK");
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(total(code)).isEqualTo(56));
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
    assertThat(total(code)).isEqualTo(56);
  }

  @Test
  @Order(4)
  void aHookThatNeverReportsFailsTheDeploymentWhenItsTimeoutPasses() {
    String id = deployments.deploy("AggregatorFunction", new LocalDeployments.Request(null, Map.of(), "AllAtOnce"));
    deployments.hook("CodeDeployHookAggregatorPreTraffic").injectFailures(Long.MAX_VALUE);
    time.runDue();
    await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().anyMatch(e -> e instanceof DeploymentEvent.HookStarted h && h.deploymentId().equals(id)));
    time.advance(Duration.ofMinutes(59));
    assertThat(status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
    time.advance(Duration.ofMinutes(2));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(id) != DeploymentStatus.IN_PROGRESS);
    assertThat(status(id)).isEqualTo(DeploymentStatus.FAILED);
    time.runDue();
    assertThat(events).anyMatch(e -> e instanceof DeploymentEvent.RolledBack r && r.deploymentId().equals(id) && r.succeeded());
  }

  private static int clicks(String code, int n) {
    int redirected = 0;
    for (int i = 0; i < n; i++) {
      if (stack.send("GET", "/" + code, null, null, Map.of("User-Agent", "Mozilla/5.0")).status() == 302) redirected++;
    }
    return redirected;
  }

  private static String link(String alias) {
    ApiResponse r = stack.post("/links", token, "{\"url\":\"https://example.com/" + alias + "\",\"alias\":\"" + alias + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("code").asText();
  }

  private static long total(String code) {
    ApiResponse r = stack.get("/links/" + code + "/stats?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
        + Instant.now().plus(Duration.ofHours(1)), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json();
    return s.get("total").asLong();
  }

  private static void awaitHook(String id, String lifecycleEvent) {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> events.stream()
        .anyMatch(e -> e instanceof DeploymentEvent.HookFinished h && h.deploymentId().equals(id) && h.lifecycleEvent().equals(lifecycleEvent)));
    time.runDue();
  }

  private static List<String> hookVerdicts(String id) {
    return events.stream().filter(e -> e instanceof DeploymentEvent.HookFinished h && h.deploymentId().equals(id))
        .map(e -> ((DeploymentEvent.HookFinished) e).lifecycleEvent() + " " + ((DeploymentEvent.HookFinished) e).status()).toList();
  }

  private static Map<String, Double> weights(String id) {
    return events.stream().filter(e -> e instanceof DeploymentEvent.TrafficShifted t && t.deploymentId().equals(id))
        .reduce((a, b) -> b).map(e -> ((DeploymentEvent.TrafficShifted) e).weights()).orElse(Map.of());
  }

  private static DeploymentStatus status(String id) {
    return deployments.client().getDeployment(r -> r.deploymentId(id)).deploymentInfo().status();
  }
}
