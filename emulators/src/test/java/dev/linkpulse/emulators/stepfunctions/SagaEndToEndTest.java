package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The pieces composed: a saga shaped like the moderation one (src/test/resources/stepfunctions/saga.asl.json)
 * deployed with DefinitionSubstitutions, driven by the real SfnClient, with a fake Lambda port and tiny fake
 * DynamoDB and EventBridge endpoints. Reserve, screen with retries, decide, wait for a reviewer's token,
 * activate or reject, and compensate on failure; exact counts of every side effect.
 */
class SagaEndToEndTest {
  private FakeServices services;
  private SfnHarness h;
  private String machine;
  private final AtomicInteger providerFailures = new AtomicInteger();
  private volatile String verdict = "safe";

  @BeforeEach
  void start() {
    services = new FakeServices();
    h = new SfnHarness(b -> b.endpoint("dynamodb", services.dynamodb()).endpoint("events", services.events()).random(() -> 0.5));
    h.lambda.on("screen", p -> providerFailures.getAndDecrement() > 0
        ? LambdaInvoker.Result.functionError("ProviderUnavailable", "reputation provider answered 503")
        : LambdaInvoker.Result.success("{\"verdict\":\"" + verdict + "\"}"));
    h.lambda.on("review", p -> LambdaInvoker.Result.success("{\"queued\":true}"));
    machine = h.emulator.deployStateMachine("moderation", saga(), Map.of("Table", "links",
        "ScreenFunction", "arn:aws:lambda:us-east-1:000000000000:function:screen", "ReviewFunction", "review"));
  }

  @AfterEach
  void stop() {
    h.close();
    services.close();
  }

  private static String saga() {
    try (InputStream in = SagaEndToEndTest.class.getResourceAsStream("/stepfunctions/saga.asl.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String startFor(String code) {
    return startFor(code, true);
  }

  private String startFor(String code, boolean linkExists) {
    if (linkExists) services.items.put("link#" + code, Json.object());
    String input = "{\"code\":\"" + code + "\",\"url\":\"https://example.com/" + code + "\"}";
    return h.client.startExecution(r -> r.stateMachineArn(machine).name("link-" + code).input(input)).executionArn();
  }

  private long events(String detailType) {
    return services.events.stream().filter(e -> e.get("DetailType").asText().equals(detailType)).count();
  }

  private long failures(String arn) {
    return h.count(arn, e -> e.type() == HistoryEventType.TASK_FAILED);
  }

  /** Waits for the n-th screening failure, then moves time to the retry. */
  private void retryAfter(String arn, int failure, Duration backoff) {
    h.awaitEvent(arn, e -> failures(arn) >= failure);
    h.advance(backoff);
  }

  private String reviewToken(String arn) {
    h.awaitEvent(arn, e -> e.type() == HistoryEventType.TASK_SUBMITTED);
    return h.lambda.invocations().stream().filter(i -> i.function().equals("review")).reduce((a, b) -> b).orElseThrow()
        .payload().get("token").asText();
  }

  @Test
  void safeAfterProviderRetriesActivatesAndPublishesOnce() {
    providerFailures.set(2);
    String arn = startFor("safe1");
    retryAfter(arn, 1, Duration.ofSeconds(1));
    retryAfter(arn, 2, Duration.ofSeconds(2));
    DescribeExecutionResponse d = h.awaitDone(arn);
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(h.lambda.invocations()).filteredOn(i -> i.function().endsWith("screen"))
        .extracting(i -> i.payload().get("attempt").asInt()).containsExactly(0, 1, 2);
    assertThat(services.items).containsKey("reservation#safe1");
    assertThat(events("link.activated")).isEqualTo(1);
    assertThat(events("link.rejected")).isZero();
  }

  @Test
  void providerDownRetriesThenGoesToReviewAndApprovalActivates() {
    providerFailures.set(100);
    String arn = startFor("down1");
    retryAfter(arn, 1, Duration.ofSeconds(1));
    retryAfter(arn, 2, Duration.ofSeconds(2));
    retryAfter(arn, 3, Duration.ofSeconds(4));
    String token = reviewToken(arn);
    assertThat(h.lambda.calls("screen")).isEqualTo(4);
    h.client.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));
    assertThat(h.awaitDone(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(events("link.activated")).isEqualTo(1);
  }

  @Test
  void reviewTimeoutRejectsAndReleasesTheReservation() {
    verdict = "suspicious";
    String arn = startFor("slow1");
    reviewToken(arn);
    assertThat(services.items).containsKey("reservation#slow1");
    h.advance(Duration.ofDays(1));
    DescribeExecutionResponse d = h.awaitDone(arn);
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(d.output()).get("outcome").asText()).isEqualTo("rejected");
    assertThat(services.items).doesNotContainKey("reservation#slow1");
    assertThat(events("link.rejected")).isEqualTo(1);
    assertThat(events("link.activated")).isZero();
  }

  @Test
  void aFailureInActivateRunsTheCompensationAndFailsWithTheCause() {
    String arn = startFor("gone1", false);
    DescribeExecutionResponse d = h.awaitDone(arn);
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
    assertThat(d.cause()).contains("The conditional request failed");
    assertThat(services.items).doesNotContainKey("reservation#gone1");
    assertThat(services.events).isEmpty();
  }

  @Test
  void theSameStartDeliveredTwiceRunsOneSaga() {
    verdict = "suspicious";
    String first = startFor("dup1");
    String second = startFor("dup1");
    assertThat(second).isEqualTo(first);
    String token = reviewToken(first);
    h.client.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));
    h.awaitDone(first);
    assertThat(services.requests).filteredOn(r -> r.path("Item").path("pk").path("S").asText().equals("reservation#dup1")).hasSize(1);
    assertThat(h.lambda.calls("screen")).isEqualTo(1);
    assertThat(events("link.activated")).isEqualTo(1);
    assertThat(h.client.listExecutions(r -> r.stateMachineArn(machine)).executions()).hasSize(1);
  }
}
