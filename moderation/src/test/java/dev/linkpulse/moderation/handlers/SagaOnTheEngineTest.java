package dev.linkpulse.moderation.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkCreated;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.moderation.saga.SagaLink;
import dev.linkpulse.moderation.saga.SagaStarter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Each path of the saga through the real definition, engine and handlers: safe, blocklisted, provider-malicious,
 * provider down then approved, review timeout, a failing activate step, and a duplicated link.created. Time moves only
 * when the test moves it; counts of quota, events and executions are exact.
 */
class SagaOnTheEngineTest {
  static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");
  static SagaEngine engine;
  static LinkStore links;
  static SagaStarter starter;

  @BeforeAll
  static void start() throws Exception {
    engine = new SagaEngine(10);
    links = LinkStore.dynamoDb(engine.table.dynamo(), engine.table.name());
    starter = new SagaStarter(engine.client, engine.machineArn);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @BeforeEach
  void reset() {
    engine.provider.set(SagaEngine.Provider.SAFE);
    engine.failing.clear();
  }

  private static SagaLink created(String target) {
    String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
    String code = "c" + UUID.randomUUID().toString().substring(0, 8);
    Link link = new Link(code, "inc" + code.substring(1, 5), target, owner, 302, CREATED, null, Link.Status.PENDING);
    links.putIfAbsent(link);
    return new SagaLink(link.code(), link.incarnation(), owner, target, CREATED.toString());
  }

  private static String event(SagaLink link) {
    LinkCreated created = new LinkCreated(link.code(), link.incarnation(), link.owner(), link.target(), link.createdAt(), "req-1");
    return Json.write(Map.of("version", "0", "id", UUID.randomUUID().toString(), "source", LinkCreated.SOURCE,
        "detail-type", LinkCreated.DETAIL_TYPE, "detail", created.toDetail()));
  }

  private static String executionArn(SagaLink link) {
    return engine.machineArn.replace(":stateMachine:", ":execution:") + ":" + link.executionName();
  }

  /** Moves time a second per poll (backoffs, retries) until the execution has {@code status}. */
  private static void awaitExecution(SagaLink link, ExecutionStatus status) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
      engine.timeline.advance(Duration.ofSeconds(1));
      return engine.client.describeExecution(r -> r.executionArn(executionArn(link))).status() == status;
    });
  }

  private static Link link(SagaLink link) {
    return links.find(link.code()).orElseThrow();
  }

  private static long quotaUsed(SagaLink link) {
    return engine.table.quotaUsed(link.owner(), link.quotaDay());
  }

  private static long published(SagaLink link, String detailType) {
    return engine.events.stream().filter(e -> e.path("DetailType").asText().equals(detailType))
        .filter(e -> readDetail(e).path("code").asText().equals(link.code())).count();
  }

  private static JsonNode readDetail(JsonNode entry) {
    try {
      return Json.tree(entry.path("Detail").asText());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSafeLinkBecomesActive_keepsItsQuota_andIsAnnouncedOnce() {
    SagaLink link = created("https://example.com/hello");
    starter.start(event(link));
    awaitExecution(link, ExecutionStatus.SUCCEEDED);
    assertThat(link(link).status()).isEqualTo(Link.Status.ACTIVE);
    assertThat(quotaUsed(link)).isEqualTo(1);
    assertThat(published(link, "link.activated")).isEqualTo(1);
  }

  @Test
  void aBlocklistedTargetIsRejectedWithoutAskingTheProvider_andItsQuotaReleased() {
    engine.blocklist().add("phish.example", "reported");
    SagaLink link = created("https://login.phish.example/x");
    int calls = engine.providerCalls.get();
    starter.start(event(link));
    awaitExecution(link, ExecutionStatus.SUCCEEDED);
    assertThat(link(link).status()).isEqualTo(Link.Status.REJECTED);
    assertThat(link(link).reason()).contains("phish.example").contains("blocklist");
    assertThat(quotaUsed(link)).isZero();
    assertThat(published(link, "link.rejected")).isEqualTo(1);
    assertThat(engine.providerCalls.get()).isEqualTo(calls);
  }

  @Test
  void aTargetTheProviderListsIsRejected() {
    engine.provider.set(SagaEngine.Provider.MALICIOUS);
    SagaLink link = created("https://fine-looking.example/");
    starter.start(event(link));
    awaitExecution(link, ExecutionStatus.SUCCEEDED);
    assertThat(link(link).status()).isEqualTo(Link.Status.REJECTED);
    assertThat(link(link).reason()).contains("SOCIAL_ENGINEERING");
    assertThat(quotaUsed(link)).isZero();
  }

  @Test
  void aProviderThatIsDownIsRetriedThenTheLinkGoesToReview_andApprovalActivatesIt() {
    engine.provider.set(SagaEngine.Provider.DOWN);
    SagaLink link = created("https://unknown.example/");
    int calls = engine.providerCalls.get();
    starter.start(event(link));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
      engine.timeline.advance(Duration.ofSeconds(1));
      return link(link).status() == Link.Status.IN_REVIEW;
    });
    // ReputationMaxAttempts = 2: the first call and two retries, then review, never reject.
    assertThat(engine.providerCalls.get() - calls).isEqualTo(3);
    assertThat(link(link).reason()).isEqualTo("the reputation provider did not answer");
    String token = engine.table.dynamo().getItem(r -> r.tableName(engine.table.name()).key(Keys.link(link.code()))).item().get("reviewToken").s();
    engine.client.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true,\"reason\":\"checked by hand\"}"));
    awaitExecution(link, ExecutionStatus.SUCCEEDED);
    assertThat(link(link).status()).isEqualTo(Link.Status.ACTIVE);
    assertThat(quotaUsed(link)).isEqualTo(1);
    var retries = engine.client.getExecutionHistory(r -> r.executionArn(executionArn(link))).events().stream()
        .filter(e -> e.type() == HistoryEventType.LAMBDA_FUNCTION_FAILED || e.type() == HistoryEventType.TASK_FAILED).count();
    assertThat(retries).isEqualTo(3);
  }

  @Test
  void aReviewNobodyDecidesTimesOutIntoARejection_andReleasesTheQuota() {
    SagaLink link = created("http://93.184.216.34/offer");
    starter.start(event(link));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
      engine.timeline.advance(Duration.ofSeconds(1));
      return link(link).status() == Link.Status.IN_REVIEW;
    });
    assertThat(quotaUsed(link)).isEqualTo(1);
    engine.timeline.advance(Duration.ofSeconds(3600));
    awaitExecution(link, ExecutionStatus.SUCCEEDED);
    assertThat(link(link).status()).isEqualTo(Link.Status.REJECTED);
    assertThat(link(link).reason()).isEqualTo("no reviewer decided in time");
    assertThat(quotaUsed(link)).isZero();
    assertThat(published(link, "link.rejected")).isEqualTo(1);
  }

  @Test
  void aFailingActivateStepRunsTheCompensations_andLeavesNothingPending() {
    engine.failing.add("Activate");
    SagaLink link = created("https://example.org/fine");
    starter.start(event(link));
    awaitExecution(link, ExecutionStatus.FAILED);
    assertThat(link(link).status()).isEqualTo(Link.Status.REJECTED);
    assertThat(link(link).reason()).startsWith("moderation failed: Injected");
    assertThat(quotaUsed(link)).isZero();
    assertThat(published(link, "link.activated")).isZero();
    var failed = engine.client.describeExecution(r -> r.executionArn(executionArn(link)));
    assertThat(failed.error()).isEqualTo("ModerationFailed");
  }

  @Test
  void theSameLinkCreatedTwiceStartsOneSaga_withOneEffect() {
    SagaLink link = created("https://example.net/once");
    String event = event(link);
    starter.start(event);
    starter.start(event);
    awaitExecution(link, ExecutionStatus.SUCCEEDED);
    assertThat(starter.start(event)).isEqualTo(SagaStarter.Outcome.ALREADY_STARTED);
    long executions = engine.client.listExecutions(r -> r.stateMachineArn(engine.machineArn)).executions().stream()
        .filter(e -> e.name().equals(link.executionName())).count();
    assertThat(executions).isEqualTo(1);
    assertThat(quotaUsed(link)).isEqualTo(1);
    assertThat(published(link, "link.activated")).isEqualTo(1);
  }
}
