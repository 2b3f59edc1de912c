package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Input and output processing in the specification's order (InputPath, Parameters, ResultSelector, ResultPath,
 * OutputPath), on the examples of the specification and of the developer guide's "Input and output" pages.
 */
class PathProcessingConformanceTest {
  @AutoClose private static final SfnHarness h = new SfnHarness();

  @BeforeAll
  static void start() {
    h.lambda.on("hello", p -> LambdaInvoker.Result.success("\"Hello, " + p.path("who").asText() + "!\""));
    h.lambda.on("add", p -> LambdaInvoker.Result.success(String.valueOf(p.path("val1").asInt() + p.path("val2").asInt())));
    h.lambda.on("cluster", p -> LambdaInvoker.Result.success("{\"resourceType\":\"elasticmapreduce\",\"resource\":\"createCluster.sync\","
        + "\"output\":{\"SdkHttpMetadata\":{\"HttpStatusCode\":200},\"SdkResponseMetadata\":{\"RequestId\":\"1234\"},\"ClusterId\":\"AKIAIOSFODNN7EXAMPLE\"}}"));
    h.lambda.echo("echo");
  }

  private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:";

  private static JsonNode output(String state, String input) {
    DescribeExecutionResponse d = h.run("{\"StartAt\":\"S\",\"States\":{\"S\":" + state + "}}", input);
    assertThat(d.status()).as("%s %s", d.error(), d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    return json(d.output());
  }

  private static final String GREETING = "{\"comment\":\"This is a test of the input and output of a Task state.\","
      + "\"details\":\"Default example\",\"who\":\"AWS Step Functions\"}";

  @Test
  void resultPathDollarReplacesTheInputWithTheResult() {
    assertThat(output("{\"Type\":\"Task\",\"Resource\":\"" + FN + "hello\",\"ResultPath\":\"$\",\"End\":true}", GREETING))
        .isEqualTo(json("\"Hello, AWS Step Functions!\""));
  }

  @Test
  void resultPathIntoAFieldKeepsTheRawInput() {
    JsonNode out = output("{\"Type\":\"Task\",\"Resource\":\"" + FN + "hello\",\"ResultPath\":\"$.taskresult\",\"End\":true}", GREETING);
    assertThat(out.get("taskresult").asText()).isEqualTo("Hello, AWS Step Functions!");
    assertThat(out.get("details").asText()).isEqualTo("Default example");
  }

  @Test
  void resultPathNullDiscardsTheResult() {
    assertThat(output("{\"Type\":\"Task\",\"Resource\":\"" + FN + "hello\",\"ResultPath\":null,\"End\":true}", GREETING)).isEqualTo(json(GREETING));
  }

  @Test
  void resultPathAppliesToTheRawInputNotTheInputPathSelection() {
    JsonNode out = output("{\"Type\":\"Task\",\"Resource\":\"" + FN + "add\",\"InputPath\":\"$.numbers\",\"ResultPath\":\"$.sum\",\"End\":true}",
        "{\"title\":\"Numbers to add\",\"numbers\":{\"val1\":3,\"val2\":4}}");
    assertThat(out).isEqualTo(json("{\"title\":\"Numbers to add\",\"numbers\":{\"val1\":3,\"val2\":4},\"sum\":7}"));
  }

  @Test
  void outputPathSelectsFromTheCombinedOutput() {
    assertThat(output("{\"Type\":\"Task\",\"Resource\":\"" + FN + "add\",\"InputPath\":\"$.numbers\",\"ResultPath\":\"$.sum\",\"OutputPath\":\"$.sum\",\"End\":true}",
        "{\"numbers\":{\"val1\":3,\"val2\":4}}")).isEqualTo(json("7"));
  }

  @Test
  void inputPathNullSendsAnEmptyObject() {
    assertThat(output("{\"Type\":\"Task\",\"Resource\":\"" + FN + "echo\",\"InputPath\":null,\"End\":true}", "{\"a\":1}")).isEqualTo(json("{}"));
  }

  @Test
  void outputPathNullProducesAnEmptyObject() {
    assertThat(output("{\"Type\":\"Pass\",\"OutputPath\":null,\"End\":true}", "{\"a\":1}")).isEqualTo(json("{}"));
  }

  @Test
  void parametersTakeDollarKeysFromTheInputTheContextAndIntrinsics() {
    JsonNode out = output("{\"Type\":\"Pass\",\"Parameters\":{\"flagged\":true,\"parts\":{\"first.$\":\"$.vals[0]\",\"last3.$\":\"$.vals[-3:]\"},"
        + "\"execution.$\":\"$$.Execution.Name\",\"formattedOutput.$\":\"States.Format('Run {}', $$.Execution.Name)\"},\"End\":true}",
        "{\"flagged\":7,\"vals\":[0,10,20,30,40,50]}");
    String name = out.get("execution").asText();
    assertThat(out).isEqualTo(json("{\"flagged\":true,\"parts\":{\"first\":0,\"last3\":[30,40,50]},\"execution\":\"" + name
        + "\",\"formattedOutput\":\"Run " + name + "\"}"));
  }

  @Test
  void resultSelectorShapesTheResultBeforeResultPath() {
    JsonNode out = output("{\"Type\":\"Task\",\"Resource\":\"" + FN + "cluster\",\"ResultSelector\":{\"ClusterId.$\":\"$.output.ClusterId\","
        + "\"ResourceType.$\":\"$.resourceType\"},\"ResultPath\":\"$.EMROutput\",\"End\":true}", "{\"keep\":1}");
    assertThat(out).isEqualTo(json("{\"keep\":1,\"EMROutput\":{\"ClusterId\":\"AKIAIOSFODNN7EXAMPLE\",\"ResourceType\":\"elasticmapreduce\"}}"));
  }

  @Test
  void passResultIsPlacedByResultPath() {
    assertThat(output("{\"Type\":\"Pass\",\"Result\":{\"x-datum\":0.381018,\"y-datum\":622.2269926397355},\"ResultPath\":\"$.coords\",\"End\":true}",
        "{\"georefOf\":\"Home\"}")).isEqualTo(json("{\"georefOf\":\"Home\",\"coords\":{\"x-datum\":0.381018,\"y-datum\":622.2269926397355}}"));
  }

  @Test
  void contextObjectHasTheExecutionStateAndMachine() {
    JsonNode out = output("{\"Type\":\"Pass\",\"Parameters\":{\"id.$\":\"$$.Execution.Id\",\"input.$\":\"$$.Execution.Input\","
        + "\"state.$\":\"$$.State.Name\",\"retry.$\":\"$$.State.RetryCount\",\"machine.$\":\"$$.StateMachine.Id\",\"start.$\":\"$$.Execution.StartTime\"},\"End\":true}",
        "{\"a\":1}");
    assertThat(out.get("id").asText()).startsWith("arn:aws:states:us-east-1:000000000000:execution:");
    assertThat(out.get("input")).isEqualTo(json("{\"a\":1}"));
    assertThat(out.get("state").asText()).isEqualTo("S");
    assertThat(out.get("retry").asInt()).isZero();
    assertThat(out.get("machine").asText()).startsWith("arn:aws:states:us-east-1:000000000000:stateMachine:");
    assertThat(out.get("start").asText()).isEqualTo("2026-01-05T10:00:00.000Z");
  }

  @Test
  void aParametersPathThatSelectsNothingFailsWithStatesRuntime() {
    DescribeExecutionResponse d = h.run("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"$.nope\"},\"End\":true}}}", "{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
  }

  @Test
  void aResultPathThroughAScalarFailsWithResultPathMatchFailure() {
    DescribeExecutionResponse d = h.run("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Result\":1,\"ResultPath\":\"$.a.b\",\"End\":true}}}", "{\"a\":\"text\"}");
    assertThat(d.error()).isEqualTo("States.ResultPathMatchFailure");
  }

  @Test
  void anOutputOverThePayloadQuotaFailsWithDataLimitExceeded() {
    String big = "x".repeat(DataFlow.MAX_PAYLOAD_BYTES);
    DescribeExecutionResponse d = h.run("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Result\":\"" + big + "\",\"End\":true}}}", "{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("States.DataLimitExceeded");
  }
}
