package dev.linkpulse.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.core.DeployDrills;
import dev.linkpulse.emulators.codedeploy.DeploymentEvent;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/**
 * {@code linkpulse deploy --speed 60} on a stack whose clock runs 60 times the wall clock ({@code up --speed 60}):
 * a canary's five minutes of bake pass in seconds, and the fast-burn alarm still stops a faulty version, because
 * the functions' metrics (stamped with the wall clock) reach the stack's CloudWatch stamped on the stack's clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploySpeedTest {
  static final double SPEED = 60;

  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(
      parameters -> LocalStack.start(LocalConfig.ephemeral(LocalConfig.findRoot()).withParameters(parameters), Timeline.scaled(SPEED)),
      LocalStack::apiUrl, LocalStack::token).parameter("HookTimeoutSeconds", "40");

  static final String FAST_BURN = "linkpulse-redirect-availability-fast-burn";
  static final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void listen() {
    stack.stack().deployments().listen(events::add);
  }

  static CompletableFuture<DeployRun> deploy(String... args) {
    return CompletableFuture.supplyAsync(() -> DeployRun.of(stack, args));
  }

  static DeploymentInfo info(String id) {
    return stack.stack().deployments().client().getDeployment(r -> r.deploymentId(id)).deploymentInfo();
  }

  static String deploymentId(DeployRun run) {
    return run.out().replaceAll("(?s).*: deployment (d-[A-Z0-9]+).*", "$1");
  }

  /** First, on a stack no test has sent traffic to: its only clicks are the hooks'. */
  @Test
  @Order(1)
  void aCanary10Percent5MinutesDeploymentAtSpeed60FinishesInSecondsOfWallTime() {
    CompletableFuture<DeployRun> running = deploy("RedirectFunction", "--type", "Canary10Percent5Minutes", "--speed", "60");
    // At the wall clock's pace the bake alone is five minutes; here the whole deployment fits well inside two.
    await().atMost(Duration.ofMinutes(2)).until(running::isDone);
    DeployRun run = running.join();
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("(the stack's clock at 60x)", "AfterAllowTraffic: Succeeded", "outcome: Succeeded")
        .containsPattern("traffic: RedirectFunction:live \\d+ -> \\d+, 10% on").containsPattern("traffic: RedirectFunction:live \\d+ -> \\d+, 100% on");
    // On the stack's clock the canary baked its full five minutes between the 10% shift and the rest.
    DeploymentInfo done = info(deploymentId(run));
    assertThat(Duration.between(done.createTime(), done.completeTime())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
  }

  @Test
  @Order(2)
  void aFaultyVersionAtSpeed60IsStillRolledBackByTheFastBurnAlarm_andEveryClickCountsOnce() throws Exception {
    String token = stack.token("speed-owner");
    ApiResponse created = stack.post("/links", token, "{\"url\":\"https://example.com/speed\",\"alias\":\"speed-drill\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String code = created.json().get("code").asText();
    int before = events.size();
    // At 60x a timeline minute is a wall second, so the latency SLO's "9 slow minutes in the last hour" is 9 slow seconds
    // in the last wall minute, which a loaded machine reaches on its own: the new version fails every other request
    // (the PreTraffic probe is the first, and passes) so the availability page fires within a few clicks, and the
    // canary is longer than the default so the clicks are sent while 10% still goes to the new version.
    CompletableFuture<DeployRun> running = deploy("RedirectFunction", "--env", DeployDrills.SERVER_ERROR_SHARE + "=0.5",
        "--type", "Canary10Percent30Minutes", "--speed", "60");
    await().atMost(Duration.ofMinutes(2)).until(() -> events.stream().skip(before)
        .anyMatch(e -> e instanceof DeploymentEvent.TrafficShifted t && t.weights().size() == 2));
    int redirected = 0;
    int failed = 0;
    while (!running.isDone() && redirected + failed < 400) {
      int status = stack.send("GET", "/" + code, null, null, Map.of("User-Agent", "Mozilla/5.0")).status();
      if (status == 302) redirected++;
      else if (status == 500) failed++;
    }
    await().atMost(Duration.ofMinutes(2)).until(running::isDone);
    DeployRun run = running.join();
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).containsPattern("traffic: RedirectFunction:live \\d+ -> \\d+, 10% on")
        .contains("rolled back by", "rollback succeeded", "outcome: Stopped");
    DeploymentInfo stopped = info(deploymentId(run));
    assertThat(stopped.errorInformation().message()).contains(FAST_BURN);
    // The old version served nine in ten throughout, and everything after the rollback.
    assertThat(failed).as("5xx among %d answers", redirected + failed).isPositive().isLessThan((redirected + failed) / 10 + 1);
    for (int i = 0; i < 10; i++) {
      assertThat(stack.send("GET", "/" + code, null, null, Map.of("User-Agent", "Mozilla/5.0")).status()).isEqualTo(302);
      redirected++;
    }
    long expected = redirected;
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(total(token, code)).isEqualTo(expected));
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
    assertThat(total(token, code)).isEqualTo(expected);
  }

  static long total(String token, String code) {
    ApiResponse r = stack.get("/links/" + code + "/stats?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
        + Instant.now().plus(Duration.ofHours(1)), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("total").asLong();
  }
}
