package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** One Choice rule: a comparison of a variable, or a boolean combination of rules. */
interface ChoiceRule {
  boolean test(JsonNode input, JsonNode context);

  /** A top-level rule with the state it leads to. */
  record Branch(ChoiceRule rule, String next) {}

  record And(List<ChoiceRule> rules) implements ChoiceRule {
    @Override
    public boolean test(JsonNode input, JsonNode context) {
      for (ChoiceRule r : rules) if (!r.test(input, context)) return false;
      return true;
    }
  }

  record Or(List<ChoiceRule> rules) implements ChoiceRule {
    @Override
    public boolean test(JsonNode input, JsonNode context) {
      for (ChoiceRule r : rules) if (r.test(input, context)) return true;
      return false;
    }
  }

  record Not(ChoiceRule rule) implements ChoiceRule {
    @Override
    public boolean test(JsonNode input, JsonNode context) {
      return !rule.test(input, context);
    }
  }

  /**
   * {@code Variable} compared by {@code operator} with a literal or, for the {@code ...Path} operators, with the
   * value another path selects. A variable that selects nothing is a {@code States.Runtime} error, except for
   * {@code IsPresent}; a value of the wrong type makes the comparison false.
   */
  record Comparison(JsonPath variable, ChoiceOperator operator, JsonNode literal, JsonPath valuePath) implements ChoiceRule {
    @Override
    public boolean test(JsonNode input, JsonNode context) {
      Optional<JsonNode> value = variable.find(variable.context() ? context : input);
      if (operator == ChoiceOperator.IS_PRESENT) return value.isPresent() == literal.asBoolean();
      JsonNode actual = value.orElseThrow(() -> StatesError.runtime(
          "Invalid path '" + variable.text() + "': The choice state's condition path references an invalid value."));
      JsonNode expected = literal;
      if (valuePath != null) {
        expected = valuePath.find(valuePath.context() ? context : input).orElseThrow(() -> StatesError.runtime(
            "Invalid path '" + valuePath.text() + "': The choice state's condition path references an invalid value."));
      }
      return operator.test(actual, expected);
    }
  }
}
