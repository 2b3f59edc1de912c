package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Catch from the developer guide: the error output {Error, Cause} placed by the catcher's ResultPath, first match wins. */
class CatchConformanceTest {
  private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:";
  @AutoClose private static final SfnHarness h = new SfnHarness();

  @BeforeAll
  static void start() {
    h.lambda.on("boom", p -> LambdaInvoker.Result.functionError("CustomError", "This is a custom error!"));
  }

  private static DescribeExecutionResponse run(String catchers, String input) {
    return h.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "boom\",\"Catch\":" + catchers + ",\"End\":true},"
        + "\"Handled\":{\"Type\":\"Pass\",\"End\":true},\"Other\":{\"Type\":\"Pass\",\"Result\":\"other\",\"End\":true}}}", input);
  }

  @Test
  void catcherResultPathAddsTheErrorToTheRawInput() {
    DescribeExecutionResponse d = run("[{\"ErrorEquals\":[\"CustomError\"],\"ResultPath\":\"$.error-info\",\"Next\":\"Handled\"}]", "{\"keep\":true}");
    JsonNode out = json(d.output());
    assertThat(out.get("keep").asBoolean()).isTrue();
    assertThat(out.get("error-info").get("Error").asText()).isEqualTo("CustomError");
    assertThat(json(out.get("error-info").get("Cause").asText()))
        .isEqualTo(json("{\"errorMessage\":\"This is a custom error!\",\"errorType\":\"CustomError\"}"));
  }

  @Test
  void withoutResultPathTheErrorOutputReplacesTheInput() {
    JsonNode out = json(run("[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handled\"}]", "{\"keep\":true}").output());
    assertThat(out.fieldNames()).toIterable().containsExactly("Error", "Cause");
  }

  @Test
  void theFirstMatchingCatcherWins() {
    assertThat(run("[{\"ErrorEquals\":[\"Nope\"],\"Next\":\"Handled\"},{\"ErrorEquals\":[\"States.TaskFailed\"],\"Next\":\"Other\"},"
        + "{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handled\"}]", "{}").output()).isEqualTo("\"other\"");
  }

  @Test
  void anUncaughtErrorFailsTheExecutionWithItsNameAndCause() {
    DescribeExecutionResponse d = run("[{\"ErrorEquals\":[\"Nope\"],\"Next\":\"Handled\"}]", "{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("CustomError");
    assertThat(d.cause()).contains("This is a custom error!");
  }

  @Test
  void statesAllDoesNotCatchStatesRuntime() {
    DescribeExecutionResponse d = h.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "boom\","
        + "\"Parameters\":{\"x.$\":\"$.missing\"},\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"H\"}],\"End\":true},\"H\":{\"Type\":\"Succeed\"}}}", "{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
  }

  @Test
  void aMissingFunctionIsTheLambdaServiceErrorName() {
    DescribeExecutionResponse d = h.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
        + "\"Parameters\":{\"FunctionName\":\"ghost\",\"Payload\":{}},\"Catch\":[{\"ErrorEquals\":[\"Lambda.ResourceNotFoundException\"],"
        + "\"ResultPath\":\"$.e\",\"Next\":\"H\"}],\"End\":true},\"H\":{\"Type\":\"Pass\",\"OutputPath\":\"$.e.Error\",\"End\":true}}}", "{}");
    assertThat(d.output()).isEqualTo("\"Lambda.ResourceNotFoundException\"");
  }

  @Test
  void aFailStateErrorAndCauseComeFromItsPaths() {
    DescribeExecutionResponse d = h.run("{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"ErrorPath\":\"$.code\","
        + "\"CausePath\":\"States.Format('link {} refused', $.link)\"}}}", "{\"code\":\"Rejected\",\"link\":\"abc\"}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("Rejected");
    assertThat(d.cause()).isEqualTo("link abc refused");
  }
}
