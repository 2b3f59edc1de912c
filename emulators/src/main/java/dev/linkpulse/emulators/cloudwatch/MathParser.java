package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.cloudwatch.MathNode.ArrayOf;
import dev.linkpulse.emulators.cloudwatch.MathNode.Binary;
import dev.linkpulse.emulators.cloudwatch.MathNode.Call;
import dev.linkpulse.emulators.cloudwatch.MathNode.Keyword;
import dev.linkpulse.emulators.cloudwatch.MathNode.Negate;
import dev.linkpulse.emulators.cloudwatch.MathNode.Num;
import dev.linkpulse.emulators.cloudwatch.MathNode.Ref;
import dev.linkpulse.emulators.cloudwatch.MathNode.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses metric math as the CloudWatch user guide writes it: numbers, query Ids (starting with a lower-case
 * letter), upper-case function calls, {@code [..]} arrays, {@code + - * / ^}, unary minus, the comparisons
 * {@code == != <= >= < >} and {@code AND && OR ||}. Precedence, loosest first: OR, AND, comparison, + -, * /, ^.
 */
final class MathParser extends TextCursor {
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<=", ">=", "<", ">");

  private MathParser(String text) {
    super(text);
  }

  static MathNode parse(String expression) {
    MathParser p = new MathParser(expression);
    MathNode node = p.or();
    if (!p.atEnd()) throw p.error("unexpected '" + p.text.charAt(p.pos) + "'");
    return node;
  }

  private MathNode or() {
    MathNode left = and();
    while (true) {
      if (word("OR") || symbol("||")) left = new Binary("OR", left, and());
      else return left;
    }
  }

  private MathNode and() {
    MathNode left = comparison();
    while (true) {
      if (word("AND") || symbol("&&")) left = new Binary("AND", left, comparison());
      else return left;
    }
  }

  private MathNode comparison() {
    MathNode left = additive();
    for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
      if (symbol(op)) return new Binary(op, left, additive());
    }
    return left;
  }

  private MathNode additive() {
    MathNode left = multiplicative();
    while (true) {
      if (symbol("+")) left = new Binary("+", left, multiplicative());
      else if (symbol("-")) left = new Binary("-", left, multiplicative());
      else return left;
    }
  }

  private MathNode multiplicative() {
    MathNode left = unary();
    while (true) {
      if (symbol("*")) left = new Binary("*", left, unary());
      else if (symbol("/")) left = new Binary("/", left, unary());
      else return left;
    }
  }

  private MathNode unary() {
    if (symbol("-")) return new Negate(unary());
    MathNode base = primary();
    if (symbol("^")) return new Binary("^", base, unary());
    return base;
  }

  private MathNode primary() {
    skipSpace();
    if (pos >= text.length()) throw error("the expression ends too early");
    char c = text.charAt(pos);
    if (symbol("(")) {
      MathNode inner = or();
      expect(")");
      return inner;
    }
    if (symbol("[")) {
      List<MathNode> items = new ArrayList<>();
      do items.add(or()); while (symbol(","));
      expect("]");
      return new ArrayOf(items);
    }
    if (c == '"' || c == '\u201c') return new Str(string());
    if (Character.isDigit(c) || c == '.') return new Num(number());
    if (Character.isLetter(c) || c == '_') {
      String name = identifier();
      if (Character.isLowerCase(name.charAt(0))) return new Ref(name);
      if (symbol("(")) {
        List<MathNode> args = new ArrayList<>();
        if (!symbol(")")) {
          do args.add(or()); while (symbol(","));
          expect(")");
        }
        return new Call(name, args);
      }
      return new Keyword(name);
    }
    throw error("unexpected '" + c + "'");
  }

  private String string() {
    char close = text.charAt(pos) == '"' ? '"' : '\u201d';
    int end = text.indexOf(close, pos + 1);
    if (end < 0) throw error("a string is not closed");
    String s = text.substring(pos + 1, end);
    pos = end + 1;
    return s;
  }

  private double number() {
    int start = pos;
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
    }
    try {
      return Double.parseDouble(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("'" + text.substring(start, pos) + "' is not a number");
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
    return text.substring(start, pos);
  }

  private boolean symbol(String s) {
    skipSpace();
    if (!text.startsWith(s, pos)) return false;
    // "<" must not swallow the first half of "<=" and the like.
    if (s.length() == 1 && COMPARISONS.contains(s) && pos + 1 < text.length() && text.charAt(pos + 1) == '=') return false;
    pos += s.length();
    return true;
  }

  private void expect(String s) {
    if (!symbol(s)) throw error("expected '" + s + "'");
  }

  private MathException error(String what) {
    return new MathException("Syntax error in expression '" + text + "' at character " + (pos + 1) + ": " + what);
  }
}
