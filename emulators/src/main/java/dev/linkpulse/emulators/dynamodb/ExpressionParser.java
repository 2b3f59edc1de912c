package dev.linkpulse.emulators.dynamodb;

import dev.linkpulse.emulators.dynamodb.Ast.*;
import dev.linkpulse.emulators.dynamodb.ExpressionLexer.Kind;
import dev.linkpulse.emulators.dynamodb.ExpressionLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for condition, filter, key-condition, projection and update expressions, following the
 * Developer Guide's grammar and precedence, from tightest to loosest: comparators, IN, BETWEEN, functions,
 * parentheses, NOT, AND, OR. Placeholders resolve through the request's {@link ExpressionContext} as they are read.
 */
final class ExpressionParser {
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
  /** Items nest at most 32 levels deep. */
  private static final int MAX_DEPTH = 32;

  private final String expression;
  private final String label;
  private final ExpressionContext context;
  private final List<Token> tokens;
  private int at;

  private ExpressionParser(String expression, String label, ExpressionContext context) {
    this.expression = expression;
    this.label = label;
    this.context = context;
    if (expression.isBlank()) throw Errors.validation("Invalid " + label + ": The expression can not be empty;");
    this.tokens = ExpressionLexer.tokens(expression, label);
  }

  static Condition condition(String expression, String label, ExpressionContext context) {
    ExpressionParser p = new ExpressionParser(expression, label, context);
    Condition c = p.or();
    p.expectEnd();
    return c;
  }

  static List<Path> projection(String expression, ExpressionContext context) {
    ExpressionParser p = new ExpressionParser(expression, "ProjectionExpression", context);
    List<Path> paths = new ArrayList<>();
    do paths.add(p.path()); while (p.accept(","));
    p.expectEnd();
    return paths;
  }

  static List<Action> update(String expression, ExpressionContext context) {
    return new ExpressionParser(expression, "UpdateExpression", context).updateClauses();
  }

  private Condition or() {
    Condition left = and();
    while (accept("OR")) left = new Or(left, and());
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (accept("AND")) left = new And(left, not());
    return left;
  }

  private Condition not() {
    if (accept("NOT")) return new Not(not());
    return atom();
  }

  private Condition atom() {
    if (accept("(")) {
      Condition inner = or();
      expect(")");
      return inner;
    }
    Token t = peek();
    if (t.kind() == Kind.NAME && CONDITION_FUNCTIONS.contains(t.text()) && next(1).is("(")) return function();
    Operand subject = operand();
    if (accept("BETWEEN")) {
      Operand low = operand();
      expect("AND");
      return new Between(subject, low, operand());
    }
    if (accept("IN")) {
      expect("(");
      List<Operand> candidates = new ArrayList<>();
      do candidates.add(operand()); while (accept(","));
      expect(")");
      if (candidates.size() > 100) throw Errors.validation("Invalid " + label + ": The IN operator is provided with too many operands; number of operands: " + candidates.size());
      return new In(subject, candidates);
    }
    Comparator op = comparator();
    return new Compare(op, subject, operand());
  }

  private Comparator comparator() {
    Token t = advance();
    return switch (t.kind() == Kind.SYMBOL ? t.text() : "") {
      case "=" -> Comparator.EQ;
      case "<>" -> Comparator.NE;
      case "<" -> Comparator.LT;
      case "<=" -> Comparator.LE;
      case ">" -> Comparator.GT;
      case ">=" -> Comparator.GE;
      default -> throw syntax(t);
    };
  }

  private Condition function() {
    String name = advance().text();
    expect("(");
    Path path = path();
    Operand argument = null;
    if (!name.equals("attribute_exists") && !name.equals("attribute_not_exists")) {
      expect(",");
      argument = operand();
    }
    expect(")");
    return new Function(name, path, argument);
  }

  private Operand operand() {
    Token t = peek();
    if (t.kind() == Kind.VALUE_REF) {
      advance();
      return new ValueOperand(context.value(t.text(), label));
    }
    if (t.kind() == Kind.NAME && t.text().equals("size") && next(1).is("(")) {
      advance();
      expect("(");
      Path p = path();
      expect(")");
      return new SizeOperand(p);
    }
    return new PathOperand(path());
  }

  Path path() {
    List<Object> elements = new ArrayList<>();
    elements.add(pathName());
    while (true) {
      if (accept(".")) {
        elements.add(pathName());
      } else if (peek().is("[")) {
        advance();
        Token index = advance();
        if (index.kind() != Kind.INTEGER) throw syntax(index);
        elements.add(Integer.parseInt(index.text()));
        expect("]");
      } else {
        break;
      }
    }
    if (elements.size() > MAX_DEPTH) throw Errors.validation("Invalid " + label + ": The document path has too many nesting levels");
    return new Path(elements);
  }

  private String pathName() {
    Token t = advance();
    if (t.kind() == Kind.NAME_REF) return context.name(t.text(), label);
    if (t.kind() == Kind.NAME) return t.text();
    throw syntax(t);
  }

  private List<Action> updateClauses() {
    List<Action> actions = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    while (peek().kind() != Kind.END) {
      Token clause = advance();
      String kind = clause.text().toUpperCase();
      if (clause.kind() != Kind.NAME || !Set.of("SET", "REMOVE", "ADD", "DELETE").contains(kind)) throw syntax(clause);
      if (!seen.add(kind)) throw Errors.validation("Invalid UpdateExpression: The \"" + kind + "\" section can only be used once in an update expression;");
      do actions.add(action(kind)); while (accept(","));
    }
    if (actions.isEmpty()) throw Errors.validation("Invalid UpdateExpression: The expression can not be empty;");
    requireNoOverlap(actions);
    return actions;
  }

  private Action action(String kind) {
    Path path = path();
    return switch (kind) {
      case "SET" -> {
        expect("=");
        yield new SetAction(path, setValue());
      }
      case "REMOVE" -> new RemoveAction(path);
      case "ADD" -> new AddAction(path, valueRef());
      default -> new DeleteAction(path, valueRef());
    };
  }

  private SetValue setValue() {
    SetValue left = setTerm();
    if (peek().is("+") || peek().is("-")) {
      boolean plus = advance().text().equals("+");
      return new Arithmetic(plus, left, setTerm());
    }
    return left;
  }

  private SetValue setTerm() {
    Token t = peek();
    if (t.kind() == Kind.NAME && next(1).is("(") && (t.text().equals("if_not_exists") || t.text().equals("list_append"))) {
      advance();
      expect("(");
      SetValue result;
      if (t.text().equals("if_not_exists")) {
        Path p = path();
        expect(",");
        result = new IfNotExists(p, setValue());
      } else {
        SetValue first = setValue();
        expect(",");
        result = new ListAppend(first, setValue());
      }
      expect(")");
      return result;
    }
    if (t.kind() == Kind.NAME && next(1).is("(")) {
      throw Errors.validation("Invalid UpdateExpression: Invalid function name; function: " + t.text());
    }
    if (t.kind() == Kind.VALUE_REF) {
      advance();
      return new Plain(new ValueOperand(context.value(t.text(), label)));
    }
    return new Plain(new PathOperand(path()));
  }

  private com.fasterxml.jackson.databind.JsonNode valueRef() {
    Token t = advance();
    if (t.kind() != Kind.VALUE_REF) throw syntax(t);
    return context.value(t.text(), label);
  }

  private static void requireNoOverlap(List<Action> actions) {
    for (int i = 0; i < actions.size(); i++) {
      for (int j = i + 1; j < actions.size(); j++) {
        Path a = actions.get(i).path();
        Path b = actions.get(j).path();
        if (a.overlaps(b)) {
          throw Errors.validation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of"
              + " these paths; path one: " + a.elements() + ", path two: " + b.elements());
        }
      }
    }
  }

  private boolean accept(String symbolOrKeyword) {
    if (peek().is(symbolOrKeyword)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String symbolOrKeyword) {
    Token t = advance();
    if (!t.is(symbolOrKeyword)) throw syntax(t);
  }

  private void expectEnd() {
    if (peek().kind() != Kind.END) throw syntax(peek());
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  private Token advance() {
    Token t = tokens.get(at);
    if (t.kind() != Kind.END) at++;
    return t;
  }

  private RuntimeException syntax(Token t) {
    return ExpressionLexer.syntax(label, expression, t.text(), t.position());
  }
}
