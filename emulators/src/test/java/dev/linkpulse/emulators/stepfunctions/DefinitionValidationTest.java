package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A definition the engine cannot run is refused when it is created, with the JSON pointer of the field at fault
 * and the reason: malformed ASL as the specification defines it, and the features the engine does not run
 * (JSONata, variables, distributed Map, unsupported resources and intrinsics). Nothing is skipped silently.
 */
class DefinitionValidationTest {
  private static String one(String state) {
    return "{\"StartAt\":\"A\",\"States\":{\"A\":" + state + ",\"B\":{\"Type\":\"Succeed\"}}}";
  }

  @ParameterizedTest(name = "{1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "{\"Type\":\"Activity\",\"End\":true};/States/A/Type;unknown state type Activity",
      "{\"Type\":\"Pass\",\"QueryLanguage\":\"JSONata\",\"End\":true};/States/A/QueryLanguage;JSONata is not supported",
      "{\"Type\":\"Pass\",\"Arguments\":{},\"End\":true};/States/A/Arguments;JSONata",
      "{\"Type\":\"Pass\",\"Assign\":{\"x\":1},\"End\":true};/States/A/Assign;workflow variables",
      "{\"Type\":\"Pass\",\"Foo\":1,\"End\":true};/States/A/Foo;field 'Foo' is not supported by a Pass state",
      "{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"States.Nope($.a)\"},\"End\":true};/States/A/Parameters/x.$;unsupported intrinsic function States.Nope",
      "{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"$.a[\"},\"End\":true};/States/A/Parameters/x.$;invalid JsonPath",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\",\"End\":true};/States/A/Resource;the sqs integration is not supported",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:dynamodb:getItem\",\"End\":true};/States/A/Resource;AWS SDK integrations are not supported",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution.sync\",\"End\":true};/States/A/Resource;.sync",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:updateItem.waitForTaskToken\",\"End\":true};/States/A/Resource;request-response",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:us-east-1:000000000000:activity:review\",\"End\":true};/States/A/Resource;activities",
      "{\"Type\":\"Pass\",\"Next\":\"Nowhere\"};/States/A/Next;MISSING_TRANSITION_TARGET",
      "{\"Type\":\"Pass\"};/States/A;needs Next or",
      "{\"Type\":\"Pass\",\"Next\":\"B\",\"End\":true};/States/A;Next and End cannot both be given",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]},{\"ErrorEquals\":[\"X\"]}],\"End\":true};/States/A/Retry/0/ErrorEquals;States.ALL must appear alone",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"Catch\":[{\"ErrorEquals\":[\"States.ALL\",\"X\"],\"Next\":\"B\"}],\"End\":true};/States/A/Catch/0/ErrorEquals;States.ALL must appear alone",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"Retry\":[{\"ErrorEquals\":[\"X\"],\"BackoffRate\":0.5}],\"End\":true};/States/A/Retry/0/BackoffRate;at least 1",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"Retry\":[{\"ErrorEquals\":[\"X\"],\"JitterStrategy\":\"HALF\"}],\"End\":true};/States/A/Retry/0/JitterStrategy;FULL or NONE",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"TimeoutSeconds\":10,\"HeartbeatSeconds\":10,\"End\":true};/States/A/HeartbeatSeconds;smaller than TimeoutSeconds",
      "{\"Type\":\"Wait\",\"Seconds\":1,\"SecondsPath\":\"$.s\",\"End\":true};/States/A;exactly one of Seconds",
      "{\"Type\":\"Wait\",\"Timestamp\":\"tomorrow\",\"End\":true};/States/A/Timestamp;RFC 3339",
      "{\"Type\":\"Pass\",\"ResultPath\":\"$.a[*]\",\"End\":true};/States/A/ResultPath;ResultPath must be a reference path",
      "{\"Type\":\"Map\",\"ItemReader\":{},\"ItemProcessor\":{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}},\"End\":true};/States/A/ItemReader;distributed Map",
      "{\"Type\":\"Map\",\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\"},\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}},\"End\":true};/States/A/ItemProcessor/ProcessorConfig/Mode;only an INLINE Map",
      "{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Nope\"}}}],\"End\":true};/States/A/Branches/0/States/X/Type;unknown state type Nope",
      "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\",\"StringEquals\":\"x\",\"NumericEquals\":1,\"Next\":\"B\"}]};/States/A/Choices/0;exactly one operator",
      "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\",\"StringEquals\":1,\"Next\":\"B\"}]};/States/A/Choices/0/StringEquals;takes a string",
      "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\",\"TimestampEquals\":\"yesterday\",\"Next\":\"B\"}]};/States/A/Choices/0/TimestampEquals;RFC 3339",
      "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a[*]\",\"IsPresent\":true,\"Next\":\"B\"}]};/States/A/Choices/0/Variable;reference path",
      "{\"Type\":\"Choice\",\"Choices\":[{\"Not\":{\"Variable\":\"$.a\",\"IsNull\":true,\"Next\":\"B\"},\"Next\":\"B\"}]};/States/A/Choices/0/Not/Next;only top-level",
      "{\"Type\":\"Fail\",\"Error\":\"E\",\"ErrorPath\":\"$.e\"};/States/A;give Error or ErrorPath, not both",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"Payload\":{}},\"End\":true};/States/A/Parameters;needs FunctionName",
      "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\",\"Body.$\":\"$\"},\"End\":true};/States/A/Parameters/Body.$;not supported by lambda:invoke"})
  void refusedWithThePathAndTheReason(String state, String pointer, String reason) {
    assertThatThrownBy(() -> DefinitionParser.parse(one(state)))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
          assertThat(p).startsWith(pointer + ": ");
          assertThat(p).contains(reason);
        }));
  }

  @Test
  void topLevelJsonataAndAMissingStartAtAreRefused() {
    assertThatThrownBy(() -> DefinitionParser.parse("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"Z\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.startsWith("/QueryLanguage: JSONata is not supported"))
            .anyMatch(p -> p.startsWith("/StartAt: names no state")));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> DefinitionParser.parse("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Q\"},\"B\":{\"Type\":\"Zap\"}}}"))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void textThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> DefinitionParser.parse("{\"StartAt\":")).isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("not JSON");
  }

  @Test
  void aResourceThisEngineHasNoEndpointOrInvokerForIsRefused() throws Exception {
    try (StepFunctionsEmulator bare = StepFunctionsEmulator.builder().start()) {
      assertThatThrownBy(() -> bare.validate(one("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:putItem\",\"End\":true}"), Map.of()))
          .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
              .anyMatch(p -> p.startsWith("/States/A/Resource: ") && p.contains("no dynamodb endpoint is configured")));
      assertThatThrownBy(() -> bare.validate(one("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"End\":true}"), Map.of()))
          .hasMessageContaining("no Lambda invoker is configured");
    }
  }

  @Test
  void definitionSubstitutionsAreResolvedAndAMissingOneIsRefused() throws Exception {
    try (StepFunctionsEmulator sfn = StepFunctionsEmulator.builder().lambda((f, p) -> LambdaInvoker.Result.success("{}")).start()) {
      String template = one("{\"Type\":\"Task\",\"Resource\":\"${ScreenFunctionArn}\",\"End\":true}");
      String arn = sfn.deployStateMachine("subst", template, Map.of("ScreenFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:screen"));
      try (var client = SfnHarness.client(sfn)) {
        assertThat(client.describeStateMachine(r -> r.stateMachineArn(arn)).definition()).contains("function:screen").doesNotContain("${");
      }
      assertThatThrownBy(() -> sfn.deployStateMachine("subst2", template, Map.of()))
          .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("${ScreenFunctionArn}");
    }
  }
}
