package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's KeyConditionExpression, checked against the key it queries (API Reference, Query): an equality on the
 * partition key, and optionally one condition on the sort key: {@code = < <= > >=}, BETWEEN or begins_with.
 */
record KeyCondition(JsonNode partitionValue, Condition sortCondition) {
  static KeyCondition parse(String expression, ExpressionContext context, KeySchema key) {
    Condition parsed = ExpressionParser.condition(expression, "KeyConditionExpression", context);
    List<Condition> parts = new ArrayList<>();
    flatten(parsed, parts);
    JsonNode partition = null;
    Condition sort = null;
    for (Condition part : parts) {
      String attribute = subject(part);
      if (attribute.equals(key.hash())) {
        if (partition != null) throw Errors.validation("KeyConditionExpressions must only contain one condition per key");
        if (!(part instanceof Compare c) || c.op() != Comparator.EQ || !(c.right() instanceof ValueOperand v)) {
          throw Errors.validation("Query key condition not supported");
        }
        partition = v.value();
      } else if (attribute.equals(key.range())) {
        if (sort != null) throw Errors.validation("KeyConditionExpressions must only contain one condition per key");
        requireSortCondition(part);
        sort = part;
      } else {
        throw Errors.validation("Query condition missed key schema element: " + key.hash());
      }
    }
    if (partition == null) throw Errors.validation("Query condition missed key schema element: " + key.hash());
    if (!key.hashType().equals(Values.type(partition))) {
      throw Errors.invalidParameter("Condition parameter type does not match schema type");
    }
    return new KeyCondition(partition, sort);
  }

  private static void flatten(Condition c, List<Condition> out) {
    if (c instanceof And and) {
      flatten(and.left(), out);
      flatten(and.right(), out);
    } else if (c instanceof Or || c instanceof Not || c instanceof In) {
      String op = c instanceof Or ? "OR" : c instanceof Not ? "NOT" : "IN";
      throw Errors.validation("Invalid operator used in KeyConditionExpression: " + op);
    } else {
      out.add(c);
    }
  }

  private static String subject(Condition c) {
    Operand subject;
    if (c instanceof Compare cmp) subject = cmp.left();
    else if (c instanceof Between b) subject = b.subject();
    else if (c instanceof Function f && f.name().equals("begins_with")) subject = new PathOperand(f.path());
    else if (c instanceof Function f) throw Errors.validation("Invalid operator used in KeyConditionExpression: " + f.name());
    else throw Errors.validation("Query key condition not supported");
    if (!(subject instanceof PathOperand p) || p.path().elements().size() != 1) throw Errors.validation("Query key condition not supported");
    return p.path().top();
  }

  private static void requireSortCondition(Condition c) {
    boolean valueOperands;
    if (c instanceof Compare cmp) valueOperands = cmp.op() != Comparator.NE && cmp.right() instanceof ValueOperand;
    else if (c instanceof Between b) valueOperands = b.low() instanceof ValueOperand && b.high() instanceof ValueOperand;
    else valueOperands = c instanceof Function f && f.argument() instanceof ValueOperand;
    if (!valueOperands) throw Errors.validation("Query key condition not supported");
  }

  boolean matches(ObjectNode entry) {
    return sortCondition == null || ConditionEvaluator.test(sortCondition, entry);
  }
}
