package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.emulators.time.ManualTimeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * With a data directory, machines, executions, history and task tokens outlive a restart, and a running execution
 * goes on where it was: a Wait keeps its deadline, a callback task keeps its token, a task in flight runs again.
 */
class PersistenceTest {
  @TempDir
  Path data;
  private final ManualTimeline timeline = new ManualTimeline(SfnHarness.EPOCH);

  private SfnHarness boot(FakeLambda lambda) {
    return new SfnHarness(timeline, lambda, b -> b.dataDirectory(data));
  }

  @Test
  void aWaitingExecutionResumesWithItsDeadlineAfterARestart() {
    String arn;
    try (SfnHarness before = boot(new FakeLambda())) {
      arn = before.start(before.machine("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"Next\":\"P\"},\"P\":{\"Type\":\"Pass\",\"End\":true}}}"), "{\"k\":1}");
      before.awaitEvent(arn, e -> e.type() == HistoryEventType.WAIT_STATE_ENTERED);
      before.advance(Duration.ofSeconds(30));
    }
    try (SfnHarness after = boot(new FakeLambda())) {
      after.advance(Duration.ofSeconds(29));
      assertThat(after.describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
      after.advance(Duration.ofSeconds(1));
      assertThat(after.awaitDone(arn).output()).isEqualTo("{\"k\":1}");
      assertThat(after.history(arn)).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }
  }

  @Test
  void aCallbackTaskKeepsItsTokenAcrossARestart() {
    FakeLambda lambda = new FakeLambda().on("ask", p -> LambdaInvoker.Result.success("{}"));
    String arn;
    String token;
    try (SfnHarness before = boot(lambda)) {
      arn = before.start(before.machine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
          + "\"Parameters\":{\"FunctionName\":\"ask\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"TimeoutSeconds\":3600,\"End\":true}}}"), "{}");
      before.awaitEvent(arn, e -> e.type() == HistoryEventType.TASK_SUBMITTED);
      token = lambda.invocations().get(0).payload().get("token").asText();
    }
    try (SfnHarness after = boot(lambda)) {
      after.client.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));
      assertThat(json(after.awaitDone(arn).output())).isEqualTo(json("{\"approved\":true}"));
      assertThat(lambda.calls("ask")).as("the function that handed out the token is not called again").isEqualTo(1);
    }
    try (SfnHarness again = boot(lambda)) {
      assertThatThrownBy(() -> again.client.sendTaskSuccess(r -> r.taskToken(token).output("{}"))).isInstanceOf(TaskTimedOutException.class);
    }
  }

  /** Starts an execution whose task (function {@code work}) never returns, and shuts down while it is in flight. */
  private String startATaskThatHangsAndShutDown() throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    FakeLambda hanging = new FakeLambda().on("work", p -> {
      entered.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return LambdaInvoker.Result.success("\"too late\"");
    });
    String arn;
    try (SfnHarness before = boot(hanging)) {
      arn = before.start(before.machine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:work\",\"End\":true}}}"), "{}");
      entered.await();
    }
    return arn;
  }

  @Test
  void aTaskInFlightAtShutdownRunsAgainAfterTheRestart() throws Exception {
    String arn = startATaskThatHangsAndShutDown();
    FakeLambda working = new FakeLambda().on("work", p -> LambdaInvoker.Result.success("\"done\""));
    try (SfnHarness after = boot(working)) {
      assertThat(after.awaitDone(arn).output()).isEqualTo("\"done\"");
      assertThat(working.calls("work")).isEqualTo(1);
    }
  }

  @Test
  void withDeferredResumeATaskInFlightRunsAgainOnlyWhenTheHostResumes() throws Exception {
    String arn = startATaskThatHangsAndShutDown();
    FakeLambda working = new FakeLambda().on("work", p -> LambdaInvoker.Result.success("\"done\""));
    try (SfnHarness after = new SfnHarness(timeline, working, b -> b.dataDirectory(data).deferResume())) {
      after.advance(Duration.ofMinutes(5));
      assertThat(after.describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(working.calls("work")).as("nothing runs before the host says its functions exist").isZero();
      after.emulator.resumeRunning();
      after.emulator.resumeRunning();
      assertThat(after.awaitDone(arn).output()).isEqualTo("\"done\"");
      assertThat(working.calls("work")).as("resumed once, however often the host asks").isEqualTo(1);
    }
  }

  @Test
  void machinesAndFinishedExecutionsAreStillDescribed() {
    String machine;
    String arn;
    try (SfnHarness before = boot(new FakeLambda())) {
      machine = before.machine("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
      arn = before.client.startExecution(r -> r.stateMachineArn(machine).name("kept").input("{}")).executionArn();
      before.awaitDone(arn);
    }
    try (SfnHarness after = boot(new FakeLambda())) {
      assertThat(after.describe(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(after.client.listExecutions(r -> r.stateMachineArn(machine)).executions()).hasSize(1);
      assertThat(after.client.describeStateMachine(r -> r.stateMachineArn(machine)).definition()).contains("\"Pass\"");
      assertThat(after.history(arn)).hasSize(4);
    }
  }
}
