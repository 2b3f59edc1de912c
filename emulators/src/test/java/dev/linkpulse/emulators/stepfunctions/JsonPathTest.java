package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths as the ASL specification and the developer guide's "Paths" page define them, on their own examples. */
class JsonPathTest {
  /** The specification's example input for paths. */
  private static final JsonNode SPEC = json("{\"foo\": 123, \"bar\": [\"a\", \"b\", \"c\"], \"car\": {\"cdr\": true}}");
  private static final JsonNode STORE = json("{\"book\": [{\"category\": \"reference\", \"price\": 8.95},"
      + " {\"category\": \"fiction\", \"price\": 12.99}, {\"category\": \"fiction\", \"price\": 22.99, \"isbn\": \"0-395\"}]}");

  @ParameterizedTest(name = "{0} selects {1}")
  @CsvSource(delimiter = '|', value = {
      "$.foo|123", "$.bar|[\"a\",\"b\",\"c\"]", "$.car.cdr|true", "$|{\"foo\":123,\"bar\":[\"a\",\"b\",\"c\"],\"car\":{\"cdr\":true}}",
      "$['foo']|123", "$.bar[0]|\"a\"", "$.bar[-1]|\"c\"", "$.bar[0:2]|[\"a\",\"b\"]", "$.bar[-2:]|[\"b\",\"c\"]",
      "$.bar[*]|[\"a\",\"b\",\"c\"]", "$.bar[0,2]|[\"a\",\"c\"]", "$..cdr|[true]"})
  void specificationPathExamples(String path, String expected) {
    assertThat(JsonPath.parse(path).select(SPEC)).isEqualTo(json(expected));
  }

  @ParameterizedTest(name = "{0} selects {1}")
  @CsvSource(delimiter = ';', value = {
      "$.book[?(@.price < 10)].category;[\"reference\"]",
      "$.book[?(@.category == 'fiction')].price;[12.99,22.99]",
      "$.book[?(@.isbn)].price;[22.99]",
      "$.book[?(@.category == 'fiction' && @.price > 20)].price;[22.99]",
      "$.book[?(@.price < 9 || @.price > 20)].price;[8.95,22.99]",
      "$..price;[8.95,12.99,22.99]"})
  void filterAndDeepScanExpressions(String path, String expected) {
    assertThat(JsonPath.parse(path).select(STORE)).isEqualTo(json(expected));
  }

  @Test
  void definitePathThatSelectsNothingIsStatesRuntime() {
    assertThatThrownBy(() -> JsonPath.parse("$.missing").select(SPEC))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
  }

  @Test
  void indefinitePathThatSelectsNothingIsAnEmptyArray() {
    assertThat(JsonPath.parse("$.bar[?(@ == 'z')]").select(SPEC)).isEqualTo(json("[]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.a", "$.a.b", "$['a b'].c", "$.a[0]"})
  void referencePathsHaveOnlyNamesAndIndexes(String path) {
    assertThat(JsonPath.parse(path).definite()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.a[*]", "$..a", "$.a[0:1]", "$.a[?(@.x)]", "$.a[0,1]"})
  void wildcardsSlicesUnionsAndFiltersAreNotReferencePaths(String path) {
    assertThat(JsonPath.parse(path).definite()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo", "$.", "$.a[", "$.a[x]", "$[?(@.a <)]"})
  void malformedPathsAreRefused(String path) {
    assertThatThrownBy(() -> JsonPath.parse(path)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultPathCreatesObjectsOnTheWayAndKeepsTheInput() {
    JsonNode out = JsonPath.parse("$.a.b").set(json("{\"x\":1}"), json("2"));
    assertThat(out).isEqualTo(json("{\"x\":1,\"a\":{\"b\":2}}"));
  }

  @Test
  void resultPathThroughANonObjectIsResultPathMatchFailure() {
    assertThatThrownBy(() -> JsonPath.parse("$.x.y").set(json("{\"x\":1}"), json("2")))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.error()).isEqualTo("States.ResultPathMatchFailure"));
  }

  @Test
  void contextPathsStartWithTwoDollars() {
    JsonPath p = JsonPath.parse("$$.Execution.Name");
    assertThat(p.context()).isTrue();
    assertThat(p.select(json("{\"Execution\":{\"Name\":\"e1\"}}")).asText()).isEqualTo("e1");
  }
}
