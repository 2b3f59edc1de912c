package dev.linkpulse.local.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.LinkCreated;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The moderation saga on the whole local stack: links created through the HTTP API, link.created on the bus, the
 * rule's queue, the starter function, the state machine from template.yaml on the Step Functions engine, every step
 * run from moderation-fn.jar, the fake reputation provider. The engine's clock is a ManualTimeline the test moves;
 * executions are read back with the real SfnClient.
 */
class ModerationSagaTest {
  static final ManualTimeline TIMELINE = new ManualTimeline(Instant.now());

  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(params -> LocalStack.ephemeral(params, TIMELINE),
      LocalStack::apiUrl, LocalStack::token)
      .parameter("LinkCacheSeconds", "1").parameter("ReputationMaxAttempts", "2").parameter("ReviewTimeoutSeconds", "3600");

  static SfnClient sfn;

  @BeforeAll
  static void client() {
    sfn = SfnClient.builder().endpointOverride(URI.create(stack.stack().stepFunctionsEndpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
  }

  @AfterAll
  static void close() {
    sfn.close();
  }

  @AfterEach
  void heal() {
    stack.stack().reputation().mode(FakeReputationProvider.Mode.SAFE);
    stack.stack().function("ActivateFunction").heal();
  }

  private static String user() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonNode create(String user, String url) {
    ApiResponse r = stack.post("/links", stack.token(user), Json.write(Map.of("url", url)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("status").asText()).isEqualTo("pending");
    return r.json();
  }

  private static JsonNode view(String user, String code) {
    return stack.get("/links/" + code, stack.token(user)).json();
  }

  /** Polls the owner's view of the link, moving the engine's clock a second each time (backoffs, retries). */
  private static JsonNode awaitStatus(String user, String code, String status) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
      TIMELINE.advance(Duration.ofSeconds(1));
      return view(user, code).path("status").asText().equals(status);
    });
    return view(user, code);
  }

  private static String machineArn() {
    return sfn.listStateMachines().stateMachines().stream().filter(m -> m.name().equals("ModerationStateMachine")).findFirst()
        .orElseThrow().stateMachineArn();
  }

  private static List<ExecutionListItem> executionsOf(String code) {
    return sfn.listExecutionsPaginator(r -> r.stateMachineArn(machineArn())).executions().stream()
        .filter(e -> e.name().startsWith(code + "-")).toList();
  }

  private static ExecutionListItem awaitExecution(String code, ExecutionStatus status) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
      TIMELINE.advance(Duration.ofSeconds(1));
      return executionsOf(code).stream().anyMatch(e -> e.status() == status);
    });
    return executionsOf(code).get(0);
  }

  private static long quotaUsed(String user, JsonNode link) {
    var day = Instant.parse(link.path("createdAt").asText()).atZone(ZoneOffset.UTC).toLocalDate();
    var item = stack.stack().dynamo().getItem(r -> r.tableName(stack.stack().tableName("LinkpulseTable"))
        .key(Keys.quota(user, day)).consistentRead(true)).item();
    return item == null || !item.containsKey("count") ? 0 : Long.parseLong(item.get("count").n());
  }

  @Test
  void aSafeLinkRedirectsAtOnceWhilePending_thenBecomesActive_andItsExecutionIsListed() {
    String user = user();
    String code = create(user, "https://example.com/safe").path("code").asText();
    assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
    assertThat(awaitStatus(user, code, "active").path("reason").isMissingNode()).isTrue();
    ExecutionListItem execution = awaitExecution(code, ExecutionStatus.SUCCEEDED);
    assertThat(execution.name()).matches(code + "-[0-9A-Za-z]{7}");
    assertThat(stack.get("/links?limit=5", stack.token(user)).json().path("items").get(0).path("status").asText()).isEqualTo("active");
  }

  @Test
  void aTargetOnTheBlocklistIsRefusedAtCreate() {
    dev.linkpulse.core.links.Blocklist.dynamoDb(stack.stack().dynamo(), stack.stack().tableName("LinkpulseTable")).add("blocked.example", "test");
    ApiResponse r = stack.post("/links", stack.token(user()), Json.write(Map.of("url", "https://www.blocked.example/x")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("blocked_url");
  }

  @Test
  void aTargetTheProviderListsIsRejected_itsQuotaReleased_andItAnswers410WithAPlainPage() {
    stack.stack().reputation().mode(FakeReputationProvider.Mode.MALICIOUS);
    String user = user();
    JsonNode link = create(user, "https://looks-fine.example/");
    String code = link.path("code").asText();
    JsonNode rejected = awaitStatus(user, code, "rejected");
    assertThat(rejected.path("reason").asText()).contains("SOCIAL_ENGINEERING");
    awaitExecution(code, ExecutionStatus.SUCCEEDED);
    assertThat(quotaUsed(user, link)).isZero();
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      ApiResponse gone = stack.get("/" + code, null);
      assertThat(gone.status()).isEqualTo(410);
      assertThat(gone.header("content-type")).startsWith("text/html");
      assertThat(gone.body()).doesNotContain("looks-fine");
    });
  }

  @Test
  void aProviderThatIsDownIsRetried_thenTheLinkWaitsForReview_andApprovalActivatesIt() {
    stack.stack().reputation().mode(FakeReputationProvider.Mode.ERROR);
    int before = stack.stack().reputation().lookups();
    String user = user();
    String code = create(user, "https://unknown.example/").path("code").asText();
    JsonNode inReview = awaitStatus(user, code, "in_review");
    assertThat(inReview.path("reason").asText()).isEqualTo("the reputation provider did not answer");
    assertThat(stack.stack().reputation().lookups() - before).isEqualTo(3);
    assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
    String token = stack.stack().dynamo().getItem(r -> r.tableName(stack.stack().tableName("LinkpulseTable")).key(Keys.link(code)))
        .item().get("reviewToken").s();
    sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true,\"reason\":\"checked\"}"));
    awaitStatus(user, code, "active");
    awaitExecution(code, ExecutionStatus.SUCCEEDED);
  }

  @Test
  void aReviewNobodyDecidesTimesOut_theLinkIsRejectedAndItsQuotaReleased() {
    String user = user();
    JsonNode link = create(user, "http://93.184.216.34/offer");
    String code = link.path("code").asText();
    awaitStatus(user, code, "in_review");
    assertThat(quotaUsed(user, link)).isEqualTo(1);
    TIMELINE.advance(Duration.ofSeconds(3600));
    assertThat(awaitStatus(user, code, "rejected").path("reason").asText()).isEqualTo("no reviewer decided in time");
    awaitExecution(code, ExecutionStatus.SUCCEEDED);
    assertThat(quotaUsed(user, link)).isZero();
  }

  @Test
  void aFailureInjectedIntoActivateRunsTheCompensations_andLeavesNothingPending() {
    stack.stack().function("ActivateFunction").injectFailures(Long.MAX_VALUE);
    String user = user();
    JsonNode link = create(user, "https://example.org/fine");
    String code = link.path("code").asText();
    awaitExecution(code, ExecutionStatus.FAILED);
    JsonNode refused = view(user, code);
    assertThat(refused.path("status").asText()).isEqualTo("rejected");
    assertThat(refused.path("reason").asText()).startsWith("moderation failed: Injected");
    assertThat(quotaUsed(user, link)).isZero();
  }

  @Test
  void theSameLinkCreatedDeliveredTwiceStartsOneSaga_withOneEffect() throws Exception {
    String user = user();
    JsonNode link = create(user, "https://example.net/twice");
    String code = link.path("code").asText();
    awaitExecution(code, ExecutionStatus.SUCCEEDED);
    String incarnation = executionsOf(code).get(0).name().substring(code.length() + 1);
    LinkCreated again = new LinkCreated(code, incarnation, user, link.path("url").asText(), link.path("createdAt").asText(), null);
    try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(stack.stack().eventsEndpoint()))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
      events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(stack.stack().busName("ClicksBus"))
          .source(LinkCreated.SOURCE).detailType(LinkCreated.DETAIL_TYPE).detail(Json.write(again.toDetail())).build()));
    }
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
    assertThat(executionsOf(code)).hasSize(1);
    assertThat(quotaUsed(user, link)).isEqualTo(1);
    assertThat(view(user, code).path("status").asText()).isEqualTo("active");
  }
}
