package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * TimeoutSeconds (and TimeoutSecondsPath) fail a Task with States.Timeout; HeartbeatSeconds fails a callback task
 * that hears no SendTaskHeartbeat in time with States.HeartbeatTimeout; a machine's TimeoutSeconds times the whole
 * execution out. All on the manual timeline: nothing sleeps.
 */
class TimeoutsConformanceTest {
  private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:";

  @Test
  void aTaskRunningLongerThanTimeoutSecondsFailsWithStatesTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (SfnHarness h = new SfnHarness()) {
      h.lambda.on("slow", p -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return LambdaInvoker.Result.success("\"late\"");
      });
      String arn = h.start(h.machine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "slow\",\"TimeoutSeconds\":30,"
          + "\"Catch\":[{\"ErrorEquals\":[\"States.Timeout\"],\"ResultPath\":\"$.e\",\"Next\":\"H\"}],\"End\":true},\"H\":{\"Type\":\"Pass\",\"OutputPath\":\"$.e.Error\",\"End\":true}}}"), "{}");
      h.awaitEvent(arn, e -> e.type() == HistoryEventType.LAMBDA_FUNCTION_STARTED);
      h.advance(Duration.ofSeconds(29));
      assertThat(h.describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
      h.advance(Duration.ofSeconds(1));
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(d.output()).isEqualTo("\"States.Timeout\"");
      release.countDown();
      assertThat(h.count(arn, e -> e.type() == HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED)).as("the late result is ignored").isZero();
    }
  }

  @Test
  void timeoutSecondsPathReadsTheTimeoutFromTheInput() {
    try (SfnHarness h = new SfnHarness()) {
      h.lambda.on("noop", p -> LambdaInvoker.Result.success("{}"));
      String arn = h.start(h.machine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
          + "\"Parameters\":{\"FunctionName\":\"noop\",\"Payload\":{\"t.$\":\"$$.Task.Token\"}},\"TimeoutSecondsPath\":\"$.timeout\",\"End\":true}}}"), "{\"timeout\":5}");
      h.awaitEvent(arn, e -> e.type() == HistoryEventType.TASK_SUBMITTED);
      h.advance(Duration.ofSeconds(5));
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(d.error()).isEqualTo("States.Timeout");
      assertThat(h.count(arn, e -> e.type() == HistoryEventType.TASK_TIMED_OUT)).isEqualTo(1);
    }
  }

  @Test
  void noHeartbeatWithinHeartbeatSecondsIsStatesHeartbeatTimeout() {
    try (SfnHarness h = new SfnHarness()) {
      h.lambda.on("noop", p -> LambdaInvoker.Result.success("{}"));
      String arn = h.start(h.machine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
          + "\"Parameters\":{\"FunctionName\":\"noop\",\"Payload\":{\"t.$\":\"$$.Task.Token\"}},\"TimeoutSeconds\":600,\"HeartbeatSeconds\":60,\"End\":true}}}"), "{}");
      h.awaitEvent(arn, e -> e.type() == HistoryEventType.TASK_SUBMITTED);
      String token = h.lambda.invocations().get(0).payload().get("t").asText();
      h.advance(Duration.ofSeconds(50));
      h.client.sendTaskHeartbeat(r -> r.taskToken(token));
      h.advance(Duration.ofSeconds(50));
      assertThat(h.describe(arn).status()).as("the heartbeat moved the deadline").isEqualTo(ExecutionStatus.RUNNING);
      h.advance(Duration.ofSeconds(10));
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(d.error()).isEqualTo("States.HeartbeatTimeout");
    }
  }

  @Test
  void theMachinesTimeoutSecondsTimesTheExecutionOut() {
    try (SfnHarness h = new SfnHarness()) {
      String arn = h.start(h.machine("{\"TimeoutSeconds\":60,\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}"), "{}");
      h.awaitEvent(arn, e -> e.type() == HistoryEventType.WAIT_STATE_ENTERED);
      h.advance(Duration.ofSeconds(60));
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(d.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
      assertThat(h.count(arn, e -> e.type() == HistoryEventType.EXECUTION_TIMED_OUT)).isEqualTo(1);
      h.advance(Duration.ofSeconds(3600));
      assertThat(h.count(arn, e -> e.type() == HistoryEventType.WAIT_STATE_EXITED)).isZero();
    }
  }
}
