package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.Ast.*;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;

/**
 * Evaluates conditions against an item (null or empty when there is none). Following the Developer Guide, a
 * comparison with a missing attribute or with a value of another type is false, not an error; {@code <>} is
 * the negation of {@code =}; {@code size} applies to strings, binaries, sets, lists and maps.
 */
final class ConditionEvaluator {
  private static final Set<String> TYPE_NAMES = Values.TYPES;

  private ConditionEvaluator() {}

  static boolean test(Condition condition, ObjectNode item) {
    ObjectNode subject = item == null ? Values.JSON.createObjectNode() : item;
    return eval(condition, subject);
  }

  private static boolean eval(Condition c, ObjectNode item) {
    if (c instanceof And and) return eval(and.left(), item) && eval(and.right(), item);
    if (c instanceof Or or) return eval(or.left(), item) || eval(or.right(), item);
    if (c instanceof Not not) return !eval(not.condition(), item);
    if (c instanceof Compare cmp) return compare(cmp.op(), resolve(cmp.left(), item), resolve(cmp.right(), item));
    if (c instanceof Between b) return between(resolve(b.subject(), item), resolve(b.low(), item), resolve(b.high(), item));
    if (c instanceof In in) return in(resolve(in.subject(), item), in, item);
    return function((Function) c, item);
  }

  /** An operand's value, or null when it names a missing attribute (or size of one, or of an unsized type). */
  static JsonNode resolve(Operand operand, ObjectNode item) {
    if (operand instanceof ValueOperand v) return v.value();
    if (operand instanceof PathOperand p) return Documents.get(item, p.path());
    return size(Documents.get(item, ((SizeOperand) operand).path()));
  }

  private static JsonNode size(JsonNode value) {
    if (value == null) return null;
    String type = Values.type(value);
    JsonNode body = Values.body(value);
    long size = switch (type) {
      case "S" -> Values.utf8(body.asText()).length;
      case "B" -> Values.bytes(body).length;
      case "SS", "NS", "BS", "L", "M" -> body.size();
      default -> -1;
    };
    return size < 0 ? null : Values.n(BigDecimal.valueOf(size));
  }

  static boolean compare(Comparator op, JsonNode left, JsonNode right) {
    if (left == null || right == null) return false;
    if (op == Comparator.EQ) return Values.equal(left, right);
    if (op == Comparator.NE) return !Values.equal(left, right);
    Integer order = Values.compare(left, right);
    if (order == null) return false;
    return switch (op) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      default -> order >= 0;
    };
  }

  static boolean between(JsonNode subject, JsonNode low, JsonNode high) {
    if (subject == null || low == null || high == null) return false;
    Integer bounds = Values.compare(low, high);
    if (bounds != null && bounds > 0) {
      throw Errors.validation("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
          + low + ", upper bound operand: " + high);
    }
    Integer lo = Values.compare(subject, low);
    Integer hi = Values.compare(subject, high);
    return lo != null && hi != null && lo >= 0 && hi <= 0;
  }

  private static boolean in(JsonNode subject, In in, ObjectNode item) {
    if (subject == null) return false;
    for (Operand candidate : in.candidates()) {
      JsonNode value = resolve(candidate, item);
      if (value != null && Values.equal(subject, value)) return true;
    }
    return false;
  }

  private static boolean function(Function f, ObjectNode item) {
    JsonNode value = Documents.get(item, f.path());
    JsonNode argument = f.argument() == null ? null : resolve(f.argument(), item);
    return switch (f.name()) {
      case "attribute_exists" -> value != null;
      case "attribute_not_exists" -> value == null;
      case "attribute_type" -> attributeType(value, argument);
      case "begins_with" -> beginsWith(value, argument);
      default -> contains(value, argument);
    };
  }

  private static boolean attributeType(JsonNode value, JsonNode argument) {
    if (argument == null || !"S".equals(Values.type(argument)) || !TYPE_NAMES.contains(argument.get("S").asText())) {
      throw Errors.validation("Invalid ConditionExpression: Invalid attribute type name found; type: "
          + (argument == null ? "null" : argument.toString()) + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }
    return value != null && argument.get("S").asText().equals(Values.type(value));
  }

  static boolean beginsWith(JsonNode value, JsonNode prefix) {
    if (value == null || prefix == null) return false;
    String type = Values.type(value);
    if (!type.equals(Values.type(prefix))) return false;
    if (type.equals("S")) return value.get("S").asText().startsWith(prefix.get("S").asText());
    if (type.equals("B")) {
      byte[] v = Values.bytes(value.get("B"));
      byte[] p = Values.bytes(prefix.get("B"));
      return v.length >= p.length && Arrays.equals(v, 0, p.length, p, 0, p.length);
    }
    return false;
  }

  private static boolean contains(JsonNode value, JsonNode operand) {
    if (value == null || operand == null) return false;
    String type = Values.type(value);
    String operandType = Values.type(operand);
    return switch (type) {
      case "S" -> operandType.equals("S") && value.get("S").asText().contains(operand.get("S").asText());
      case "B" -> operandType.equals("B") && indexOf(Values.bytes(value.get("B")), Values.bytes(operand.get("B"))) >= 0;
      case "SS", "NS", "BS" -> (type.equals(operandType + "S"))
          && Values.setKeys(type, value.get(type)).contains(Values.memberKey(type, operand.get(operandType)));
      case "L" -> {
        for (JsonNode element : value.get("L")) if (Values.equal(element, operand)) yield true;
        yield false;
      }
      default -> false;
    };
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
