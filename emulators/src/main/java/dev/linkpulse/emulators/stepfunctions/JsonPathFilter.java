package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Filter expressions inside {@code [?( ... )]}: comparisons ({@code == != < <= > >=}) of {@code @}/{@code $}
 * paths and literals, existence ({@code @.isbn}), {@code !}, {@code &&}, {@code ||} and parentheses.
 */
final class JsonPathFilter extends TextScanner {
  interface Expression {
    boolean test(JsonNode current, JsonNode root);
  }

  private interface Operand {
    Optional<JsonNode> value(JsonNode current, JsonNode root);
  }

  private JsonPathFilter(String text) {
    super(text);
  }

  @Override
  String what() {
    return "filter";
  }

  static Expression parse(String text) {
    JsonPathFilter parser = new JsonPathFilter(text);
    Expression e = parser.or();
    parser.spaces();
    if (!parser.atEnd()) throw parser.fail("unexpected text");
    return e;
  }

  private Expression or() {
    Expression left = and();
    while (take("||")) {
      Expression l = left;
      Expression r = and();
      left = (c, root) -> l.test(c, root) || r.test(c, root);
    }
    return left;
  }

  private Expression and() {
    Expression left = unary();
    while (take("&&")) {
      Expression l = left;
      Expression r = unary();
      left = (c, root) -> l.test(c, root) && r.test(c, root);
    }
    return left;
  }

  private Expression unary() {
    if (take("!")) {
      Expression inner = unary();
      return (c, root) -> !inner.test(c, root);
    }
    if (take("(")) {
      Expression inner = or();
      if (!take(")")) throw fail("expected )");
      return inner;
    }
    Operand left = operand();
    for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (take(op)) {
        Operand right = operand();
        return (c, root) -> compare(left.value(c, root), op, right.value(c, root));
      }
    }
    return (c, root) -> left.value(c, root).map(v -> !(v.isBoolean() && !v.asBoolean())).orElse(false);
  }

  private Operand operand() {
    spaces();
    if (pos >= text.length()) throw fail("expected a value");
    char c = text.charAt(pos);
    if (c == '@' || c == '$') {
      JsonPath path = JsonPath.parse(pathUntil("=!<>)&|", true));
      if (c == '@') return (current, root) -> path.definite() ? path.find(current) : Optional.of(path.select(current));
      return (current, root) -> path.definite() ? path.find(root) : Optional.of(path.select(root));
    }
    JsonNode literal = literal(c);
    return (current, root) -> Optional.of(literal);
  }

  private JsonNode literal(char c) {
    if (c == '\'' || c == '"') {
      int end = text.indexOf(c, pos + 1);
      if (end < 0) throw fail("unclosed string");
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return Json.NODES.textNode(s);
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, pos)) {
        pos += word.length();
        return word.equals("null") ? NullNode.instance : BooleanNode.valueOf(word.equals("true"));
      }
    }
    int start = pos;
    while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) pos++;
    try {
      return Json.number(new BigDecimal(text.substring(start, pos)));
    } catch (NumberFormatException e) {
      throw fail("expected a path, a number, a string, true, false or null");
    }
  }

  static boolean compare(Optional<JsonNode> left, String op, Optional<JsonNode> right) {
    if (left.isEmpty() || right.isEmpty()) return op.equals("!=") && left.isPresent() != right.isPresent();
    JsonNode l = left.get();
    JsonNode r = right.get();
    Integer order = null;
    if (l.isNumber() && r.isNumber()) order = l.decimalValue().compareTo(r.decimalValue());
    else if (l.isTextual() && r.isTextual()) order = l.asText().compareTo(r.asText());
    switch (op) {
      case "==":
        return order != null ? order == 0 : Json.equivalent(l, r);
      case "!=":
        return order != null ? order != 0 : !Json.equivalent(l, r);
      default:
        if (order == null) return false;
        return switch (op) {
          case "<" -> order < 0;
          case "<=" -> order <= 0;
          case ">" -> order > 0;
          default -> order >= 0;
        };
    }
  }
}
