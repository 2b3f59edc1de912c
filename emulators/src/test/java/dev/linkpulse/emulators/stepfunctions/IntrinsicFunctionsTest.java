package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each intrinsic function on the developer guide's own example. */
class IntrinsicFunctionsTest {
  private static final JsonNode INPUT = json("{\"name\": \"Arnav\", \"escapedJsonString\": \"{\\\"foo\\\": \\\"bar\\\"}\","
      + " \"unescapedJson\": {\"foo\": \"bar\"}, \"someJson\": {\"random\": \"abcdefg\"},"
      + " \"inputArray\": [1,2,3,4,5,6,7,8,9], \"lookingFor\": 5, \"index\": 5, \"dupes\": [1,2,3,3,3,3,3,3,4],"
      + " \"input\": \"Data to encode\", \"base64\": \"RGF0YSB0byBlbmNvZGU=\", \"Data\": \"input data\", \"Algorithm\": \"SHA-1\","
      + " \"json1\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2}, \"json2\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3},"
      + " \"value1\": 111, \"step\": -1, \"csv\": \"1,2,3,4,5\", \"inputString\": \"This.is+a,test=string\", \"splitter\": \".+,=\"}");
  private static final JsonNode CONTEXT = json("{\"Execution\": {\"Name\": \"exec-1\"}}");

  private static JsonNode eval(String call) {
    return Intrinsic.parse(call).eval(INPUT, CONTEXT);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "States.Format('Hello, my name is {}.', $.name)|\"Hello, my name is Arnav.\"",
      "States.Format('{} ran as {}', $.name, $$.Execution.Name)|\"Arnav ran as exec-1\"",
      "States.StringToJson($.escapedJsonString)|{\"foo\":\"bar\"}",
      "States.JsonToString($.unescapedJson)|\"{\\\"foo\\\":\\\"bar\\\"}\"",
      "States.Array('Foo', 2020, $.someJson, null)|[\"Foo\",2020,{\"random\":\"abcdefg\"},null]",
      "States.ArrayPartition($.inputArray, 4)|[[1,2,3,4],[5,6,7,8],[9]]",
      "States.ArrayContains($.inputArray, $.lookingFor)|true",
      "States.ArrayRange(1, 9, 2)|[1,3,5,7,9]",
      "States.ArrayGetItem($.inputArray, $.index)|6",
      "States.ArrayLength($.inputArray)|9",
      "States.ArrayUnique($.dupes)|[1,2,3,4]",
      "States.Base64Encode($.input)|\"RGF0YSB0byBlbmNvZGU=\"",
      "States.Base64Decode($.base64)|\"Data to encode\"",
      "States.Hash($.Data, $.Algorithm)|\"aaff4a450a104cd177d28d18d74485e8cae074b7\"",
      "States.JsonMerge($.json1, $.json2, false)|{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}",
      "States.MathAdd($.value1, $.step)|110",
      "States.StringSplit($.csv, ',')|[\"1\",\"2\",\"3\",\"4\",\"5\"]",
      "States.StringSplit($.inputString, $.splitter)|[\"This\",\"is\",\"a\",\"test\",\"string\"]",
      "States.ArrayLength(States.Array(1, 2, States.MathAdd(1, 2)))|3"})
  void developerGuideExamples(String call, String expected) {
    assertThat(eval(call)).isEqualTo(json(expected));
  }

  @Test
  void formatEscapesBracesAndQuotes() {
    assertThat(eval("States.Format('\\{\\} it\\'s {}', $.name)").asText()).isEqualTo("{} it's Arnav");
  }

  @Test
  void uuidIsVersion4() {
    assertThat(eval("States.UUID()").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void mathRandomStaysInItsRangeAndASeedRepeats() {
    for (int i = 0; i < 50; i++) assertThat(eval("States.MathRandom(1, 5)").asInt()).isBetween(1, 4);
    assertThat(eval("States.MathRandom(1, 1000, 7)")).isEqualTo(eval("States.MathRandom(1, 1000, 7)"));
  }

  @ParameterizedTest(name = "{0} fails at run time")
  @CsvSource(delimiter = '|', value = {
      "States.ArrayGetItem($.inputArray, 9)", "States.Format('{} {}', $.name)", "States.Format('{}', $.someJson)",
      "States.StringToJson($.name)", "States.MathAdd($.name, 1)", "States.JsonMerge($.json1, $.json2, true)",
      "States.Hash($.Data, 'SHA-3')", "States.ArrayRange(1, 2000, 1)"})
  void badArgumentsAreStatesRuntimeErrors(String call) {
    assertThatThrownBy(() -> eval(call)).isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
  }

  @ParameterizedTest(name = "{0} is refused when parsed")
  @CsvSource(delimiter = '|', value = {"States.Nope($.a)", "States.UUID(1)", "States.ArrayLength()", "States.Format('x'", "States.MathAdd(1, abc)"})
  void unknownFunctionsAndWrongArityAreRefusedAtCreation(String call) {
    assertThatThrownBy(() -> Intrinsic.parse(call)).isInstanceOf(IllegalArgumentException.class);
  }
}
