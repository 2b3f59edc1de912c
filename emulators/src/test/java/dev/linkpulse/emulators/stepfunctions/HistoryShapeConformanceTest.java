package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** GetExecutionHistory: AWS's event types in AWS's order, with their detail members, ids and previousEventId links. */
class HistoryShapeConformanceTest {
  @AutoClose private static final SfnHarness h = new SfnHarness();

  @BeforeAll
  static void start() {
    h.lambda.on("ok", p -> LambdaInvoker.Result.success("{\"fine\":true}"));
    h.lambda.on("bad", p -> LambdaInvoker.Result.functionError("Broken", "it broke"));
  }

  private static List<HistoryEvent> historyOf(String definition, String input) {
    return h.history(h.run(definition, input).executionArn());
  }

  @Test
  void lambdaInvokeTaskEventsAndTheirDetails() {
    List<HistoryEvent> events = historyOf("{\"StartAt\":\"Screen\",\"States\":{\"Screen\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
        + "\"Parameters\":{\"FunctionName\":\"ok\",\"Payload.$\":\"$\"},\"TimeoutSeconds\":30,\"End\":true}}}", "{\"a\":1}");
    assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED,
        HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
        HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(events).extracting(HistoryEvent::previousEventId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    var scheduled = events.get(2).taskScheduledEventDetails();
    assertThat(scheduled.resourceType()).isEqualTo("lambda");
    assertThat(scheduled.resource()).isEqualTo("invoke");
    assertThat(scheduled.region()).isEqualTo("us-east-1");
    assertThat(scheduled.timeoutInSeconds()).isEqualTo(30L);
    assertThat(json(scheduled.parameters())).isEqualTo(json("{\"FunctionName\":\"ok\",\"Payload\":{\"a\":1}}"));
    assertThat(json(events.get(4).taskSucceededEventDetails().output()).get("Payload")).isEqualTo(json("{\"fine\":true}"));
    assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("Screen");
    assertThat(json(events.get(1).stateEnteredEventDetails().input())).isEqualTo(json("{\"a\":1}"));
    assertThat(events.get(5).stateExitedEventDetails().name()).isEqualTo("Screen");
    assertThat(events.get(0).executionStartedEventDetails().roleArn()).isEqualTo("arn:aws:iam::000000000000:role/sfn");
  }

  @Test
  void aBareFunctionArnIsRecordedAsLambdaFunctionEvents() {
    List<HistoryEvent> events = historyOf("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:ok\",\"End\":true}}}", "{}");
    assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED,
        HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, HistoryEventType.LAMBDA_FUNCTION_STARTED, HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED,
        HistoryEventType.TASK_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(events.get(2).lambdaFunctionScheduledEventDetails().resource()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:ok");
  }

  @Test
  void aFailedTaskRecordsItsErrorAndCauseAndTheExecutionFails() {
    List<HistoryEvent> events = historyOf("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
        + "\"Parameters\":{\"FunctionName\":\"bad\"},\"End\":true}}}", "{}");
    HistoryEvent failed = events.stream().filter(e -> e.type() == HistoryEventType.TASK_FAILED).findFirst().orElseThrow();
    assertThat(failed.taskFailedEventDetails().error()).isEqualTo("Broken");
    assertThat(failed.taskFailedEventDetails().cause()).contains("it broke");
    HistoryEvent last = events.get(events.size() - 1);
    assertThat(last.type()).isEqualTo(HistoryEventType.EXECUTION_FAILED);
    assertThat(last.executionFailedEventDetails().error()).isEqualTo("Broken");
  }

  @Test
  void aCallbackTaskIsSubmittedThenSucceeds() {
    String arn = h.start(h.machine("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
        + "\"Parameters\":{\"FunctionName\":\"ok\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"HeartbeatSeconds\":60,\"End\":true}}}"), "{}");
    h.awaitEvent(arn, e -> e.type() == HistoryEventType.TASK_SUBMITTED);
    String token = json(h.history(arn).get(2).taskScheduledEventDetails().parameters()).get("Payload").get("token").asText();
    h.client.sendTaskSuccess(r -> r.taskToken(token).output("{\"done\":1}"));
    h.awaitDone(arn);
    List<HistoryEvent> events = h.history(arn);
    assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED,
        HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED,
        HistoryEventType.TASK_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke.waitForTaskToken");
    assertThat(events.get(2).taskScheduledEventDetails().heartbeatInSeconds()).isEqualTo(60L);
    assertThat(json(events.get(5).taskSucceededEventDetails().output())).isEqualTo(json("{\"done\":1}"));
  }

  @Test
  void historyPagesReversesAndCanLeaveOutTheData() {
    String arn = h.run("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Pass\",\"End\":true}}}", "{\"secret\":1}").executionArn();
    var first = h.client.getExecutionHistory(r -> r.executionArn(arn).maxResults(2).reverseOrder(true));
    assertThat(first.events()).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_SUCCEEDED, HistoryEventType.PASS_STATE_EXITED);
    var rest = h.client.getExecutionHistory(r -> r.executionArn(arn).maxResults(10).reverseOrder(true).nextToken(first.nextToken()));
    assertThat(rest.events()).hasSize(4);
    assertThat(rest.nextToken()).isNull();
    var bare = h.client.getExecutionHistory(r -> r.executionArn(arn).includeExecutionData(false));
    assertThat(bare.events().get(0).executionStartedEventDetails().input()).isNull();
  }

  @Test
  void parallelAndMapEventsNameTheirPhases() {
    List<HistoryEvent> events = historyOf("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"M\",\"States\":{"
        + "\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}],\"End\":true}}}", "[7]");
    assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED, HistoryEventType.PARALLEL_STATE_ENTERED,
        HistoryEventType.PARALLEL_STATE_STARTED, HistoryEventType.MAP_STATE_ENTERED, HistoryEventType.MAP_STATE_STARTED,
        HistoryEventType.MAP_ITERATION_STARTED, HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
        HistoryEventType.MAP_ITERATION_SUCCEEDED, HistoryEventType.MAP_STATE_SUCCEEDED, HistoryEventType.MAP_STATE_EXITED,
        HistoryEventType.PARALLEL_STATE_SUCCEEDED, HistoryEventType.PARALLEL_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(events.get(4).mapStateStartedEventDetails().length()).isEqualTo(1);
    assertThat(events.get(5).mapIterationStartedEventDetails().index()).isZero();
  }

  @Test
  void anExecutionThatReachesTheHistoryLimitFailsWithStatesRuntime() {
    var d = h.run("{\"StartAt\":\"Loop\",\"States\":{\"Loop\":{\"Type\":\"Pass\",\"Next\":\"Again\"},"
        + "\"Again\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.stop\",\"IsPresent\":true,\"Next\":\"End\"}],\"Default\":\"Loop\"},"
        + "\"End\":{\"Type\":\"Succeed\"}}}", "{}");
    assertThat(d.statusAsString()).isEqualTo("FAILED");
    assertThat(d.error()).isEqualTo("States.Runtime");
    assertThat(d.cause()).contains("25000");
    // The limit is checked between states, so the state that crosses it finishes its own events first.
    assertThat(h.client.getExecutionHistory(r -> r.executionArn(d.executionArn()).reverseOrder(true).maxResults(1)).events().get(0).id())
        .isBetween(History.MAX_EVENTS + 1L, History.MAX_EVENTS + 3L);
  }
}
