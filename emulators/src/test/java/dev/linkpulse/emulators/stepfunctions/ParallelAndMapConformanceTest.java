package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Parallel: every branch gets the effective input, the output is the array of branch outputs in branch order;
 * if one branch fails the state fails with that branch's error and the other branches stop. Inline Map: one
 * iteration per item (ItemsPath, ItemSelector with $$.Map.Item), results in item order, MaxConcurrency.
 */
class ParallelAndMapConformanceTest {
  private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:";

  @Test
  void parallelOutputIsTheBranchOutputsInBranchOrder() {
    try (SfnHarness h = new SfnHarness()) {
      String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":["
          + "{\"StartAt\":\"Slow\",\"States\":{\"Slow\":{\"Type\":\"Wait\",\"Seconds\":5,\"Next\":\"A\"},\"A\":{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"$.x\"},\"End\":true}}},"
          + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Pass\",\"Result\":\"b\",\"End\":true}}}],\"ResultPath\":\"$.results\",\"End\":true}}}";
      String arn = h.start(h.machine(def), "{\"x\":1}");
      h.awaitEvent(arn, e -> e.type() == HistoryEventType.WAIT_STATE_ENTERED);
      h.advance(Duration.ofSeconds(5));
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(json(d.output())).isEqualTo(json("{\"x\":1,\"results\":[{\"a\":1},\"b\"]}"));
      assertThat(h.count(arn, e -> e.type() == HistoryEventType.PARALLEL_STATE_SUCCEEDED)).isEqualTo(1);
    }
  }

  @Test
  void aFailingBranchFailsTheParallelWithItsErrorAndStopsTheOthers() {
    try (SfnHarness h = new SfnHarness()) {
      h.lambda.echo("echo");
      String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":["
          + "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":10,\"Next\":\"T\"},\"T\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "echo\",\"End\":true}}},"
          + "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"BranchBroke\",\"Cause\":\"on purpose\"}}}],"
          + "\"Catch\":[{\"ErrorEquals\":[\"BranchBroke\"],\"ResultPath\":\"$.error\",\"Next\":\"Compensate\"}],\"End\":true},"
          + "\"Compensate\":{\"Type\":\"Pass\",\"End\":true}}}";
      String arn = h.start(h.machine(def), "{}");
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(json(d.output()).get("error")).isEqualTo(json("{\"Error\":\"BranchBroke\",\"Cause\":\"on purpose\"}"));
      h.advance(Duration.ofSeconds(30));
      assertThat(h.lambda.calls("echo")).as("the stopped branch never reaches its task").isZero();
      assertThat(h.count(arn, e -> e.type() == HistoryEventType.PARALLEL_STATE_FAILED)).isEqualTo(1);
    }
  }

  @Test
  void retryOnAParallelRunsEveryBranchAgain() {
    try (SfnHarness h = new SfnHarness()) {
      java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
      h.lambda.on("once", p -> calls.getAndIncrement() == 0 ? LambdaInvoker.Result.functionError("Flaky", "first") : LambdaInvoker.Result.success("1"));
      h.lambda.on("ok", p -> LambdaInvoker.Result.success("2"));
      String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":["
          + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "once\",\"End\":true}}},"
          + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "ok\",\"End\":true}}}],"
          + "\"Retry\":[{\"ErrorEquals\":[\"Flaky\"],\"IntervalSeconds\":1}],\"End\":true}}}";
      String arn = h.start(h.machine(def), "{}");
      h.awaitEvent(arn, e -> e.type() == HistoryEventType.PARALLEL_STATE_FAILED);
      h.advance(Duration.ofSeconds(1));
      assertThat(h.awaitDone(arn).output()).isEqualTo("[1,2]");
      assertThat(h.lambda.calls("once")).isEqualTo(2);
    }
  }

  @Test
  void mapRunsOneIterationPerItemWithItemSelectorAndKeepsItemOrder() {
    try (SfnHarness h = new SfnHarness()) {
      h.lambda.on("double", p -> LambdaInvoker.Result.success(String.valueOf(p.get("value").asInt() * 2 + p.get("index").asInt() * 100)));
      String def = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"MaxConcurrency\":2,"
          + "\"ItemSelector\":{\"value.$\":\"$$.Map.Item.Value\",\"index.$\":\"$$.Map.Item.Index\",\"tag.$\":\"$.tag\"},"
          + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"INLINE\"},\"StartAt\":\"D\",\"States\":{\"D\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "double\",\"End\":true}}},"
          + "\"ResultPath\":\"$.doubled\",\"End\":true}}}";
      DescribeExecutionResponse d = h.run(def, "{\"items\":[1,2,3,4,5],\"tag\":\"t\"}");
      assertThat(json(d.output()).get("doubled")).isEqualTo(json("[2,104,206,308,410]"));
      assertThat(h.lambda.invocations()).allSatisfy(i -> assertThat(i.payload().get("tag").asText()).isEqualTo("t"));
      assertThat(h.count(d.executionArn(), e -> e.type() == HistoryEventType.MAP_ITERATION_SUCCEEDED)).isEqualTo(5);
    }
  }

  @Test
  void mapMaxConcurrencyLimitsRunningIterations() {
    try (SfnHarness h = new SfnHarness()) {
      String def = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"MaxConcurrency\":2,"
          + "\"ItemProcessor\":{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":10,\"End\":true}}},\"End\":true}}}";
      String arn = h.start(h.machine(def), "[1,2,3,4,5]");
      h.awaitEvent(arn, e -> e.type() == HistoryEventType.WAIT_STATE_ENTERED);
      assertThat(h.count(arn, e -> e.type() == HistoryEventType.MAP_ITERATION_STARTED)).isEqualTo(2);
      h.advance(Duration.ofSeconds(10));
      assertThat(h.count(arn, e -> e.type() == HistoryEventType.MAP_ITERATION_STARTED)).isEqualTo(4);
      h.advance(Duration.ofSeconds(10));
      h.advance(Duration.ofSeconds(10));
      assertThat(h.awaitDone(arn).output()).isEqualTo("[1,2,3,4,5]");
    }
  }

  @Test
  void mapOverAnEmptyArrayOutputsAnEmptyArray() {
    try (SfnHarness h = new SfnHarness()) {
      String def = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";
      assertThat(h.run(def, "[]").output()).isEqualTo("[]");
    }
  }

  @Test
  void mapItemsPathMustSelectAnArray() {
    try (SfnHarness h = new SfnHarness()) {
      String def = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.n\",\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";
      DescribeExecutionResponse d = h.run(def, "{\"n\":1}");
      assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(d.error()).isEqualTo("States.Runtime");
    }
  }
}
