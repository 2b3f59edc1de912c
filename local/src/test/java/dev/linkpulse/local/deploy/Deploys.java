package dev.linkpulse.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.emulators.codedeploy.DeploymentEvent;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.DeploymentProgress;
import dev.linkpulse.local.LocalDeployments;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/** What the deploy tests watch and do: the deployments' events, the stack's clock, clicks and their counts. */
final class Deploys {
  static final ManualTimeline TIMELINE = new ManualTimeline(Instant.now().truncatedTo(ChronoUnit.MINUTES));
  private final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> progress = new CopyOnWriteArrayList<>();

  void watch(LocalDeployments deployments) {
    deployments.listen(events::add);
    deployments.listen(new DeploymentProgress(line -> {
      progress.add(line);
      System.out.println("[deploy] " + line);
    }));
  }

  List<DeploymentEvent> events() {
    return events;
  }

  String progress() {
    return String.join("\n", progress);
  }

  /** The functions stamp their metrics with the wall clock: bring the stack's timeline up to it before a deployment. */
  static void catchUp() {
    Duration behind = Duration.between(TIMELINE.now(), Instant.now());
    if (!behind.isNegative()) TIMELINE.advance(behind.plusSeconds(1));
  }

  /** Runs what is due until the hook of {@code lifecycleEvent} has reported, then what that made due. */
  void awaitHook(String id, String lifecycleEvent) {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
      TIMELINE.runDue();
      return events.stream().anyMatch(e -> e instanceof DeploymentEvent.HookFinished h && h.deploymentId().equals(id)
          && h.lifecycleEvent().equals(lifecycleEvent));
    });
    TIMELINE.runDue();
  }

  DeploymentStatus status(LocalDeployments deployments, String id) {
    return deployments.client().getDeployment(r -> r.deploymentId(id)).deploymentInfo().status();
  }

  /** The deployment's status once it has ended. */
  DeploymentStatus outcome(LocalDeployments deployments, String id) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      TIMELINE.runDue();
      return status(deployments, id) != DeploymentStatus.IN_PROGRESS;
    });
    return status(deployments, id);
  }

  void awaitRollback(String id) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      TIMELINE.runDue();
      return events.stream().anyMatch(e -> e instanceof DeploymentEvent.RolledBack r && r.deploymentId().equals(id) && r.succeeded());
    });
  }

  List<String> hookVerdicts(String id) {
    return events.stream().filter(e -> e instanceof DeploymentEvent.HookFinished h && h.deploymentId().equals(id))
        .map(e -> ((DeploymentEvent.HookFinished) e).lifecycleEvent() + " " + ((DeploymentEvent.HookFinished) e).status()).toList();
  }

  String hookMessage(String id, String lifecycleEvent) {
    return events.stream().filter(e -> e instanceof DeploymentEvent.HookFinished h && h.deploymentId().equals(id)
        && h.lifecycleEvent().equals(lifecycleEvent)).map(e -> String.valueOf(((DeploymentEvent.HookFinished) e).message())).findFirst().orElse("");
  }

  /** The alias's routing as the deployment {@code id} last set it. */
  Map<String, Double> weights(String id) {
    return events.stream().filter(e -> e instanceof DeploymentEvent.TrafficShifted t && t.deploymentId().equals(id))
        .reduce((a, b) -> b).map(e -> ((DeploymentEvent.TrafficShifted) e).weights()).orElse(Map.of());
  }

  /** The function's alias routing as any deployment (a rollback included) last set it. */
  Map<String, Double> lastWeights(String function) {
    return events.stream().filter(e -> e instanceof DeploymentEvent.TrafficShifted t && t.functionName().equals(function))
        .reduce((a, b) -> b).map(e -> ((DeploymentEvent.TrafficShifted) e).weights()).orElse(Map.of());
  }

  static String link(StackExtension<LocalStack> stack, String token, String alias) {
    ApiResponse r = stack.post("/links", token, "{\"url\":\"https://example.com/" + alias + "\",\"alias\":\"" + alias + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("code").asText();
  }

  /** Answers to {@code n} visits of {@code code}, counted by status class (index 3: redirects, 5: server errors). */
  static int[] answers(StackExtension<LocalStack> stack, String code, int n) {
    int[] byClass = new int[6];
    for (int i = 0; i < n; i++) byClass[stack.send("GET", "/" + code, null, null, Map.of("User-Agent", "Mozilla/5.0")).status() / 100]++;
    return byClass;
  }

  static int clicks(StackExtension<LocalStack> stack, String code, int n) {
    return answers(stack, code, n)[3];
  }

  static long total(StackExtension<LocalStack> stack, String token, String code) {
    ApiResponse r = stack.get("/links/" + code + "/stats?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
        + Instant.now().plus(Duration.ofHours(1)), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("total").asLong();
  }
}
