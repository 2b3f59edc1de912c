package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Choice rules from the developer guide's Choice state page: every operator, its Path variant, And/Or/Not, type tests. */
class ChoiceRulesConformanceTest {
  @AutoClose private static final SfnHarness h = new SfnHarness();

  /** Wraps a top-level rule so that only its own closing brace gains Next. */
  private static String top(String rule) {
    return rule.substring(0, rule.length() - 1) + ",\"Next\":\"Yes\"}";
  }

  private static String decide(String rule, String input) {
    String definition = "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[" + top(rule)
        + "],\"Default\":\"No\"},\"Yes\":{\"Type\":\"Pass\",\"Result\":\"yes\",\"End\":true},\"No\":{\"Type\":\"Pass\",\"Result\":\"no\",\"End\":true}}}";
    DescribeExecutionResponse d = h.run(definition, input);
    assertThat(d.status()).as(d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    return Json.parse(d.output()).asText();
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
      "{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"};{\"s\":\"abc\"};yes",
      "{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"};{\"s\":\"abd\"};no",
      "{\"Variable\":\"$.s\",\"StringLessThan\":\"b\"};{\"s\":\"abc\"};yes",
      "{\"Variable\":\"$.s\",\"StringGreaterThanEquals\":\"abc\"};{\"s\":\"abc\"};yes",
      "{\"Variable\":\"$.s\",\"StringLessThanEquals\":\"abb\"};{\"s\":\"abc\"};no",
      "{\"Variable\":\"$.s\",\"StringGreaterThan\":\"abc\"};{\"s\":\"abd\"};yes",
      "{\"Variable\":\"$.s\",\"StringEqualsPath\":\"$.t\"};{\"s\":\"x\",\"t\":\"x\"};yes",
      "{\"Variable\":\"$.s\",\"StringLessThanPath\":\"$.t\"};{\"s\":\"a\",\"t\":\"b\"};yes",
      "{\"Variable\":\"$.s\",\"StringMatches\":\"log-*.txt\"};{\"s\":\"log-2024.txt\"};yes",
      "{\"Variable\":\"$.s\",\"StringMatches\":\"log-*.txt\"};{\"s\":\"log-2024.csv\"};no",
      "{\"Variable\":\"$.s\",\"StringMatches\":\"a\\\\*b\"};{\"s\":\"a*b\"};yes",
      "{\"Variable\":\"$.s\",\"StringMatches\":\"a\\\\*b\"};{\"s\":\"axxb\"};no",
      "{\"Variable\":\"$.n\",\"NumericEquals\":1};{\"n\":1.0};yes",
      "{\"Variable\":\"$.n\",\"NumericLessThan\":10};{\"n\":9.5};yes",
      "{\"Variable\":\"$.n\",\"NumericGreaterThan\":10};{\"n\":10};no",
      "{\"Variable\":\"$.n\",\"NumericLessThanEquals\":10};{\"n\":10};yes",
      "{\"Variable\":\"$.n\",\"NumericGreaterThanEquals\":10};{\"n\":11};yes",
      "{\"Variable\":\"$.n\",\"NumericGreaterThanPath\":\"$.m\"};{\"n\":3,\"m\":2};yes",
      "{\"Variable\":\"$.n\",\"NumericEquals\":1};{\"n\":\"1\"};no",
      "{\"Variable\":\"$.b\",\"BooleanEquals\":true};{\"b\":true};yes",
      "{\"Variable\":\"$.b\",\"BooleanEquals\":true};{\"b\":\"true\"};no",
      "{\"Variable\":\"$.b\",\"BooleanEqualsPath\":\"$.c\"};{\"b\":false,\"c\":false};yes",
      "{\"Variable\":\"$.t\",\"TimestampEquals\":\"2016-03-14T01:59:00Z\"};{\"t\":\"2016-03-14T02:59:00+01:00\"};yes",
      "{\"Variable\":\"$.t\",\"TimestampLessThan\":\"2016-03-14T01:59:00Z\"};{\"t\":\"2016-03-14T01:58:59.999Z\"};yes",
      "{\"Variable\":\"$.t\",\"TimestampGreaterThanPath\":\"$.u\"};{\"t\":\"2020-01-01T00:00:01Z\",\"u\":\"2020-01-01T00:00:00Z\"};yes",
      "{\"Variable\":\"$.t\",\"TimestampEquals\":\"2016-03-14T01:59:00Z\"};{\"t\":\"2016-03-14 01:59:00\"};no",
      "{\"Variable\":\"$.x\",\"IsNull\":true};{\"x\":null};yes",
      "{\"Variable\":\"$.x\",\"IsPresent\":false};{};yes",
      "{\"Variable\":\"$.x\",\"IsPresent\":true};{\"x\":0};yes",
      "{\"Variable\":\"$.x\",\"IsNumeric\":true};{\"x\":\"5\"};no",
      "{\"Variable\":\"$.x\",\"IsString\":true};{\"x\":\"5\"};yes",
      "{\"Variable\":\"$.x\",\"IsBoolean\":false};{\"x\":1};yes",
      "{\"Variable\":\"$.x\",\"IsTimestamp\":true};{\"x\":\"2016-03-14T01:59:00Z\"};yes",
      "{\"And\":[{\"Variable\":\"$.n\",\"NumericGreaterThanEquals\":20},{\"Variable\":\"$.n\",\"NumericLessThan\":30}]};{\"n\":25};yes",
      "{\"Or\":[{\"Variable\":\"$.n\",\"NumericLessThan\":20},{\"Variable\":\"$.n\",\"NumericGreaterThan\":30}]};{\"n\":25};no",
      "{\"Not\":{\"Variable\":\"$.type\",\"StringEquals\":\"Private\"}};{\"type\":\"Public\"};yes",
      "{\"Variable\":\"$$.Execution.Input.s\",\"StringEquals\":\"ctx\"};{\"s\":\"ctx\"};yes"})
  void dataTestExpressions(String rule, String input, String expected) {
    assertThat(decide(rule, input)).isEqualTo(expected);
  }

  @Test
  void firstMatchingRuleWinsInOrder() {
    String def = "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":["
        + "{\"Variable\":\"$.n\",\"NumericGreaterThan\":1,\"Next\":\"A\"},{\"Variable\":\"$.n\",\"NumericGreaterThan\":0,\"Next\":\"B\"}]},"
        + "\"A\":{\"Type\":\"Pass\",\"Result\":\"A\",\"End\":true},\"B\":{\"Type\":\"Pass\",\"Result\":\"B\",\"End\":true}}}";
    assertThat(h.run(def, "{\"n\":5}").output()).isEqualTo("\"A\"");
  }

  @Test
  void noMatchAndNoDefaultFailsWithStatesNoChoiceMatched() {
    String def = "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\",\"NumericEquals\":1,\"Next\":\"A\"}]},"
        + "\"A\":{\"Type\":\"Succeed\"}}}";
    DescribeExecutionResponse d = h.run(def, "{\"n\":2}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void aVariableThatSelectsNothingIsStatesRuntime() {
    String def = "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.missing\",\"StringEquals\":\"x\",\"Next\":\"A\"}],"
        + "\"Default\":\"A\"},\"A\":{\"Type\":\"Succeed\"}}}";
    DescribeExecutionResponse d = h.run(def, "{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
  }

  @Test
  void choiceOutputIsItsInputThroughInputPathAndOutputPath() {
    String def = "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"InputPath\":\"$.a\",\"OutputPath\":\"$.b\","
        + "\"Choices\":[{\"Variable\":\"$.b\",\"IsPresent\":true,\"Next\":\"A\"}]},\"A\":{\"Type\":\"Succeed\"}}}";
    assertThat(h.run(def, "{\"a\":{\"b\":{\"c\":1}}}").output()).isEqualTo("{\"c\":1}");
  }
}
