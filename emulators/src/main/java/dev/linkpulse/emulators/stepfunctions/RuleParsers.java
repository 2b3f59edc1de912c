package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Retry, Catch and Choice rules: the parts of a state that are small languages of their own. */
final class RuleParsers {
  private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
      "MaxDelaySeconds", "JitterStrategy", "Comment");
  private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");
  private static final Set<String> BOOLEAN_OPERATORS = Set.of("And", "Or", "Not");

  private final Problems problems;

  RuleParsers(Problems problems) {
    this.problems = problems;
  }

  List<Definition.Retrier> retriers(FieldReader state) {
    List<Definition.Retrier> out = new ArrayList<>();
    List<ObjectNode> items = objects(state, "Retry");
    for (int i = 0; i < items.size(); i++) {
      FieldReader f = new FieldReader(items.get(i), state.at("Retry/" + i));
      only(items.get(i), RETRIER_FIELDS, f.where(), "a retrier");
      List<String> errors = errorEquals(f, i == items.size() - 1);
      Integer interval = problems.attempt(f.at("IntervalSeconds"), () -> f.integer("IntervalSeconds", 1));
      Integer attempts = problems.attempt(f.at("MaxAttempts"), () -> f.integer("MaxAttempts", 0));
      BigDecimal backoff = problems.attempt(f.at("BackoffRate"), () -> f.decimal("BackoffRate", BigDecimal.ONE));
      Integer maxDelay = problems.attempt(f.at("MaxDelaySeconds"), () -> f.integer("MaxDelaySeconds", 1));
      String jitter = problems.attempt(f.at("JitterStrategy"), () -> f.text("JitterStrategy"));
      if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) problems.add(f.at("JitterStrategy"), "must be FULL or NONE");
      out.add(new Definition.Retrier(errors, interval == null ? 1 : interval, attempts == null ? 3 : attempts,
          backoff == null ? new BigDecimal("2.0") : backoff, maxDelay,
          "FULL".equals(jitter) ? Definition.Jitter.FULL : Definition.Jitter.NONE));
    }
    return out;
  }

  List<Definition.Catcher> catchers(FieldReader state) {
    List<Definition.Catcher> out = new ArrayList<>();
    List<ObjectNode> items = objects(state, "Catch");
    for (int i = 0; i < items.size(); i++) {
      FieldReader f = new FieldReader(items.get(i), state.at("Catch/" + i));
      only(items.get(i), CATCHER_FIELDS, f.where(), "a catcher");
      List<String> errors = errorEquals(f, i == items.size() - 1);
      String next = problems.attempt(f.at("Next"), () -> f.requiredText("Next"));
      Definition.PathField resultPath = problems.attempt(f.at("ResultPath"), () -> StateParsers.resultPath(f, "ResultPath"));
      out.add(new Definition.Catcher(errors, next, resultPath == null ? Definition.PathField.ROOT : resultPath));
    }
    return out;
  }

  /** ErrorEquals: a non-empty list of names; States.ALL alone, and only in the last retrier or catcher. */
  private List<String> errorEquals(FieldReader f, boolean last) {
    JsonNode node = f.get("ErrorEquals");
    List<String> out = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      problems.add(f.at("ErrorEquals"), "must be a non-empty array of error names");
      return out;
    }
    node.forEach(e -> {
      if (e.isTextual()) out.add(e.asText());
      else problems.add(f.at("ErrorEquals"), "error names are strings");
    });
    if (out.contains(StatesError.ALL) && (out.size() > 1 || !last)) {
      problems.add(f.at("ErrorEquals"), "States.ALL must appear alone, in the last retrier or catcher");
    }
    return out;
  }

  List<ChoiceRule.Branch> choices(FieldReader state) {
    List<ChoiceRule.Branch> out = new ArrayList<>();
    List<ObjectNode> items = objects(state, "Choices");
    if (items.isEmpty()) problems.add(state.at("Choices"), "a Choice state needs a non-empty Choices array");
    for (int i = 0; i < items.size(); i++) {
      FieldReader f = new FieldReader(items.get(i), state.at("Choices/" + i));
      String next = problems.attempt(f.at("Next"), () -> f.requiredText("Next"));
      ChoiceRule rule = rule(items.get(i), f, true);
      if (rule != null) out.add(new ChoiceRule.Branch(rule, next));
    }
    return out;
  }

  private ChoiceRule rule(ObjectNode node, FieldReader f, boolean top) {
    if (!top && node.has("Next")) problems.add(f.at("Next"), "only top-level choice rules have Next");
    List<String> operators = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (field.equals("Next") || field.equals("Comment") || field.equals("Variable")) continue;
      if (BOOLEAN_OPERATORS.contains(field) || ChoiceOperator.byName(field).isPresent()) operators.add(field);
      else if (field.equals("Condition")) problems.add(f.at(field), StateFields.REFUSED.get("Condition"));
      else problems.add(f.at(field), "unknown choice rule field '" + field + "' (operators: And, Or, Not, " + String.join(", ", ChoiceOperator.names()) + ")");
    }
    if (operators.size() != 1) {
      problems.add(f.where(), "a choice rule takes exactly one operator, not " + operators);
      return null;
    }
    String op = operators.get(0);
    if (BOOLEAN_OPERATORS.contains(op)) return booleanRule(node, f, op);
    return problems.attempt(f.where(), () -> comparison(node, f, ChoiceOperator.byName(op).orElseThrow()));
  }

  private ChoiceRule booleanRule(ObjectNode node, FieldReader f, String op) {
    if (node.has("Variable")) problems.add(f.at("Variable"), op + " rules take no Variable");
    JsonNode operand = node.get(op);
    if (op.equals("Not")) {
      if (!operand.isObject()) {
        problems.add(f.at(op), "Not takes one rule object");
        return null;
      }
      ChoiceRule inner = rule((ObjectNode) operand, new FieldReader((ObjectNode) operand, f.at(op)), false);
      return inner == null ? null : new ChoiceRule.Not(inner);
    }
    if (!operand.isArray() || operand.isEmpty()) {
      problems.add(f.at(op), op + " takes a non-empty array of rules");
      return null;
    }
    List<ChoiceRule> inner = new ArrayList<>();
    for (int i = 0; i < operand.size(); i++) {
      JsonNode r = operand.get(i);
      if (!r.isObject()) {
        problems.add(f.at(op + "/" + i), "a rule is a JSON object");
        continue;
      }
      ChoiceRule parsed = rule((ObjectNode) r, new FieldReader((ObjectNode) r, f.at(op + "/" + i)), false);
      if (parsed != null) inner.add(parsed);
    }
    return op.equals("And") ? new ChoiceRule.And(inner) : new ChoiceRule.Or(inner);
  }

  private ChoiceRule comparison(ObjectNode node, FieldReader f, ChoiceOperator op) {
    JsonPath variable = f.referencePath("Variable");
    if (variable == null) throw new DefinitionError(f.at("Variable"), op.name() + " needs a Variable");
    JsonNode operand = node.get(op.name());
    if (op.path()) {
      if (!operand.isTextual()) throw new DefinitionError(f.at(op.name()), op.name() + " takes a reference path");
      return new ChoiceRule.Comparison(variable, op, null, f.referencePath(op.name()));
    }
    op.literalProblem(operand).ifPresent(why -> {
      throw new DefinitionError(f.at(op.name()), why);
    });
    return new ChoiceRule.Comparison(variable, op, operand, null);
  }

  private List<ObjectNode> objects(FieldReader f, String field) {
    JsonNode node = f.get(field);
    List<ObjectNode> out = new ArrayList<>();
    if (node == null) return out;
    if (!node.isArray()) {
      problems.add(f.at(field), "must be an array");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      if (node.get(i).isObject()) out.add((ObjectNode) node.get(i));
      else problems.add(f.at(field + "/" + i), "must be a JSON object");
    }
    return out;
  }

  private void only(ObjectNode node, Set<String> allowed, String where, String what) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) problems.add(where + "/" + field, "field '" + field + "' is not supported by " + what);
    }
  }
}
