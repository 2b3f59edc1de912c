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
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Evaluates a type-checked expression over time series, with the user guide's rules: arithmetic and comparisons
 * between two series read a missing value as 0, a datapoint whose result is not a finite number (division by
 * zero) is dropped, and every operator maps over an array of series.
 */
final class MathEvaluator {
  private final MathContext context;
  private final MathFunctions functions;

  MathEvaluator(MathContext context) {
    this.context = context;
    this.functions = new MathFunctions(this, context);
  }

  Object eval(MathNode node) {
    if (node instanceof Num n) return n.value();
    if (node instanceof Str s) return s.value();
    if (node instanceof Keyword k) return k;
    if (node instanceof Ref r) return context.ref(r.id());
    if (node instanceof Negate n) return unary(eval(n.operand()), v -> -v);
    if (node instanceof ArrayOf a) {
      List<Series> all = new ArrayList<>();
      for (MathNode item : a.items()) all.addAll(asArray(eval(item)));
      return all;
    }
    if (node instanceof Binary b) return binary(b.op(), eval(b.left()), eval(b.right()));
    return functions.call((Call) node);
  }

  static List<Series> asArray(Object value) {
    if (value instanceof Series s) return List.of(s);
    @SuppressWarnings("unchecked") List<Series> list = (List<Series>) value;
    return list;
  }

  Object unary(Object value, DoubleUnaryOperator op) {
    if (value instanceof Double d) return op.applyAsDouble(d);
    if (value instanceof Series s) return map(s, op);
    return asArray(value).stream().map(s -> map(s, op)).toList();
  }

  Object binary(String op, Object left, Object right) {
    DoubleBinaryOperator f = operator(op);
    if (left instanceof List<?> || right instanceof List<?>) {
      boolean arrayLeft = left instanceof List<?>;
      List<Series> array = asArray(arrayLeft ? left : right);
      Object other = arrayLeft ? right : left;
      return array.stream().map(s -> (Series) (arrayLeft ? binary(op, s, other) : binary(op, other, s))).toList();
    }
    if (left instanceof Double l && right instanceof Double r) return f.applyAsDouble(l, r);
    if (left instanceof Series l && right instanceof Double r) return map(l, v -> f.applyAsDouble(v, r));
    if (left instanceof Double l && right instanceof Series r) return map(r, v -> f.applyAsDouble(l, v));
    return combine((Series) left, (Series) right, f);
  }

  static Series map(Series s, DoubleUnaryOperator op) {
    NavigableMap<Long, Double> out = new TreeMap<>();
    s.points().forEach((t, v) -> keep(out, t, op.applyAsDouble(v)));
    return s.withPoints(out);
  }

  /** Two series, datapoint by timestamp; a timestamp only one of them has reads the other as 0. */
  static Series combine(Series a, Series b, DoubleBinaryOperator op) {
    if (a.period() != b.period()) {
      throw new MathException("cannot combine time series of different periods (" + a.period() + " s and " + b.period() + " s)");
    }
    TreeSet<Long> times = new TreeSet<>(a.points().keySet());
    times.addAll(b.points().keySet());
    NavigableMap<Long, Double> out = new TreeMap<>();
    for (long t : times) keep(out, t, op.applyAsDouble(a.points().getOrDefault(t, 0.0), b.points().getOrDefault(t, 0.0)));
    return a.withPoints(out);
  }

  static void keep(NavigableMap<Long, Double> out, long t, double v) {
    if (Double.isFinite(v)) out.put(t, v);
  }

  private static DoubleBinaryOperator operator(String op) {
    return switch (op) {
      case "+" -> Double::sum;
      case "-" -> (a, b) -> a - b;
      case "*" -> (a, b) -> a * b;
      case "/" -> (a, b) -> a / b;
      case "^" -> Math::pow;
      case "==" -> (a, b) -> a == b ? 1 : 0;
      case "!=" -> (a, b) -> a != b ? 1 : 0;
      case "<=" -> (a, b) -> a <= b ? 1 : 0;
      case ">=" -> (a, b) -> a >= b ? 1 : 0;
      case "<" -> (a, b) -> a < b ? 1 : 0;
      case ">" -> (a, b) -> a > b ? 1 : 0;
      case "AND" -> (a, b) -> a != 0 && b != 0 ? 1 : 0;
      case "OR" -> (a, b) -> a != 0 || b != 0 ? 1 : 0;
      default -> throw new MathException("unknown operator " + op);
    };
  }
}
