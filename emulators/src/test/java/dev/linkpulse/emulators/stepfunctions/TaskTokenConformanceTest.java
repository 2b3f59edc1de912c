package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** .waitForTaskToken and SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat with the API reference's errors. */
class TaskTokenConformanceTest {
  @AutoClose private static final SfnHarness h = new SfnHarness();
  private static final String WAIT = "{\"StartAt\":\"Review\",\"States\":{\"Review\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
      + "\"Parameters\":{\"FunctionName\":\"ask\",\"Payload\":{\"token.$\":\"$$.Task.Token\",\"link.$\":\"$.link\"}},\"TimeoutSeconds\":3600,"
      + "\"ResultPath\":\"$.decision\",\"End\":true}}}";

  @BeforeAll
  static void start() {
    h.lambda.on("ask", p -> LambdaInvoker.Result.success("{\"queued\":true}"));
  }

  private static String waiting(String[] arnOut) {
    String arn = h.start(h.machine(WAIT), "{\"link\":\"abc\"}");
    h.awaitEvent(arn, e -> e.type() == HistoryEventType.TASK_SUBMITTED);
    arnOut[0] = arn;
    return h.lambda.invocations().stream().filter(i -> i.payload().has("token")).reduce((a, b) -> b).orElseThrow().payload().get("token").asText();
  }

  @Test
  void sendTaskSuccessCompletesTheTaskWithItsOutput() {
    String[] arn = new String[1];
    String token = waiting(arn);
    h.client.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));
    DescribeExecutionResponse d = h.awaitDone(arn[0]);
    assertThat(json(d.output())).isEqualTo(json("{\"link\":\"abc\",\"decision\":{\"approved\":true}}"));
  }

  @Test
  void sendTaskFailureFailsTheTaskWithItsErrorAndCause() {
    String[] arn = new String[1];
    String token = waiting(arn);
    h.client.sendTaskFailure(r -> r.taskToken(token).error("Rejected").cause("phishing"));
    DescribeExecutionResponse d = h.awaitDone(arn[0]);
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("Rejected");
    assertThat(d.cause()).isEqualTo("phishing");
  }

  @Test
  void aTokenAnsweredOnceIsTaskTimedOutTheSecondTime() {
    String[] arn = new String[1];
    String token = waiting(arn);
    h.client.sendTaskSuccess(r -> r.taskToken(token).output("{}"));
    h.awaitDone(arn[0]);
    assertThatThrownBy(() -> h.client.sendTaskSuccess(r -> r.taskToken(token).output("{}"))).isInstanceOf(TaskTimedOutException.class);
    assertThatThrownBy(() -> h.client.sendTaskHeartbeat(r -> r.taskToken(token))).isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void aTokenOfATimedOutTaskIsTaskTimedOut() {
    String[] arn = new String[1];
    String token = waiting(arn);
    h.advance(Duration.ofHours(1));
    assertThat(h.awaitDone(arn[0]).error()).isEqualTo("States.Timeout");
    assertThatThrownBy(() -> h.client.sendTaskSuccess(r -> r.taskToken(token).output("{}"))).isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void aTokenOfAStoppedExecutionIsTaskTimedOut() {
    String[] arn = new String[1];
    String token = waiting(arn);
    h.client.stopExecution(r -> r.executionArn(arn[0]).error("Operator").cause("stopped by hand"));
    assertThat(h.describe(arn[0]).status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThatThrownBy(() -> h.client.sendTaskFailure(r -> r.taskToken(token))).isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void aWellFormedTokenNeverIssuedIsTaskDoesNotExist() {
    String forged = "AQ" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[48]);
    assertThatThrownBy(() -> h.client.sendTaskSuccess(r -> r.taskToken(forged).output("{}"))).isInstanceOf(TaskDoesNotExistException.class);
  }

  @Test
  void textThatCannotBeATokenIsInvalidToken() {
    assertThatThrownBy(() -> h.client.sendTaskHeartbeat(r -> r.taskToken("not-a-token"))).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void outputThatIsNotJsonIsInvalidOutputAndChangesNothing() {
    String[] arn = new String[1];
    String token = waiting(arn);
    assertThatThrownBy(() -> h.client.sendTaskSuccess(r -> r.taskToken(token).output("{nope"))).isInstanceOf(InvalidOutputException.class);
    assertThat(h.describe(arn[0]).status()).isEqualTo(ExecutionStatus.RUNNING);
    h.client.sendTaskSuccess(r -> r.taskToken(token).output("{}"));
    assertThat(h.awaitDone(arn[0]).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void eachRetryOfACallbackTaskGetsAFreshToken() {
    h.lambda.on("ask2", p -> LambdaInvoker.Result.success("{}"));
    String def = WAIT.replace("\"ask\"", "\"ask2\"").replace("\"TimeoutSeconds\":3600,", "\"TimeoutSeconds\":3600,\"Retry\":[{\"ErrorEquals\":[\"Again\"],\"IntervalSeconds\":1}],");
    String arn = h.start(h.machine(def), "{\"link\":\"x\"}");
    h.awaitEvent(arn, e -> e.type() == HistoryEventType.TASK_SUBMITTED);
    String first = lastToken("ask2");
    h.client.sendTaskFailure(r -> r.taskToken(first).error("Again"));
    h.advance(Duration.ofSeconds(1));
    h.awaitEvent(arn, e -> h.count(arn, x -> x.type() == HistoryEventType.TASK_SUBMITTED) == 2);
    String second = lastToken("ask2");
    assertThat(second).isNotEqualTo(first);
    assertThatThrownBy(() -> h.client.sendTaskSuccess(r -> r.taskToken(first).output("{}"))).isInstanceOf(TaskTimedOutException.class);
    h.client.sendTaskSuccess(r -> r.taskToken(second).output("{\"ok\":1}"));
    assertThat(json(h.awaitDone(arn).output()).get("decision")).isEqualTo(json("{\"ok\":1}"));
  }

  private static String lastToken(String function) {
    return h.lambda.invocations().stream().filter(i -> LambdaInvoker.functionName(i.function()).equals(function))
        .reduce((a, b) -> b).orElseThrow().payload().get("token").asText();
  }
}
