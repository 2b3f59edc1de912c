package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.cloudwatch.MathNode.ArrayOf;
import dev.linkpulse.emulators.cloudwatch.MathNode.Binary;
import dev.linkpulse.emulators.cloudwatch.MathNode.Call;
import dev.linkpulse.emulators.cloudwatch.MathNode.Keyword;
import dev.linkpulse.emulators.cloudwatch.MathNode.Negate;
import dev.linkpulse.emulators.cloudwatch.MathNode.Num;
import dev.linkpulse.emulators.cloudwatch.MathNode.Ref;
import dev.linkpulse.emulators.cloudwatch.MathNode.Str;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The type of every sub-expression (the user guide's S, TS and TS[]), checked before anything is read, so a bad
 * expression is refused whole. The supported functions are the ones Linkpulse's alarms and dashboards use plus a
 * few cheap neighbours; any other CloudWatch function is refused by name rather than answered wrongly.
 */
final class MathTypes {
  enum Type { SCALAR, SERIES, ARRAY, STRING, KEYWORD }

  static final Set<String> FUNCTIONS = Set.of("ABS", "AVG", "CEIL", "DATAPOINT_COUNT", "FILL", "FLOOR", "IF",
      "MAX", "METRIC_COUNT", "METRICS", "MIN", "PERIOD", "RUNNING_SUM", "SUM", "TIME_SERIES");

  private final Function<String, Type> refs;

  MathTypes(Function<String, Type> refs) {
    this.refs = refs;
  }

  Type of(MathNode node) {
    if (node instanceof Num) return Type.SCALAR;
    if (node instanceof Str) return Type.STRING;
    if (node instanceof Keyword k) return keyword(k);
    if (node instanceof Ref r) return refs.apply(r.id());
    if (node instanceof Negate n) return numeric(of(n.operand()), "unary -");
    if (node instanceof ArrayOf a) {
      for (MathNode item : a.items()) {
        Type t = of(item);
        if (t != Type.SERIES && t != Type.ARRAY) throw new MathException("an array [...] holds time series, not " + describe(t));
      }
      return Type.ARRAY;
    }
    if (node instanceof Binary b) return binary(b);
    return call((Call) node);
  }

  private static Type keyword(Keyword k) {
    if (k.word().equals("REPEAT") || k.word().equals("LINEAR")) return Type.KEYWORD;
    throw new MathException("Unknown identifier or unsupported keyword: " + k.word());
  }

  private Type binary(Binary b) {
    Type l = numeric(of(b.left()), b.op());
    Type r = numeric(of(b.right()), b.op());
    boolean arithmetic = "+-*/^".contains(b.op());
    if (l == Type.ARRAY || r == Type.ARRAY) {
      if (!arithmetic) throw new MathException("operator " + b.op() + " takes time series or scalars, not an array");
      if (l == Type.ARRAY && r == Type.ARRAY) throw new MathException("operator " + b.op() + " cannot combine two arrays of time series");
      return Type.ARRAY;
    }
    return l == Type.SERIES || r == Type.SERIES ? Type.SERIES : Type.SCALAR;
  }

  private Type call(Call c) {
    String fn = c.function();
    if (!FUNCTIONS.contains(fn)) {
      throw new MathException("Unsupported function " + fn + ": the local CloudWatch supports " + String.join(", ", FUNCTIONS.stream().sorted().toList()));
    }
    List<MathNode> args = c.args();
    switch (fn) {
      case "METRICS":
        arity(c, 0, 1);
        if (args.size() == 1 && of(args.get(0)) != Type.STRING) throw new MathException("METRICS takes an optional string");
        return Type.ARRAY;
      case "FILL": {
        arity(c, 2, 2);
        Type target = seriesOrArray(c, of(args.get(0)));
        Type filler = of(args.get(1));
        if (filler != Type.SCALAR && filler != Type.SERIES && filler != Type.KEYWORD) {
          throw new MathException("FILL fills with a number, a time series, REPEAT or LINEAR");
        }
        return target;
      }
      case "IF": {
        arity(c, 2, 3);
        Type cond = of(args.get(0));
        if (cond != Type.SCALAR && cond != Type.SERIES) throw new MathException("IF needs a scalar or time series condition");
        boolean anySeries = cond == Type.SERIES;
        for (MathNode branch : args.subList(1, args.size())) {
          Type t = of(branch);
          if (t != Type.SCALAR && t != Type.SERIES) throw new MathException("IF branches are scalars or time series");
          anySeries |= t == Type.SERIES;
        }
        return anySeries ? Type.SERIES : Type.SCALAR;
      }
      case "SUM": case "AVG": case "MIN": case "MAX": case "DATAPOINT_COUNT":
        arity(c, 1, 1);
        return seriesOrArray(c, of(args.get(0))) == Type.ARRAY ? Type.SERIES : Type.SCALAR;
      case "RUNNING_SUM": case "ABS": case "CEIL": case "FLOOR":
        arity(c, 1, 1);
        return seriesOrArray(c, of(args.get(0)));
      case "METRIC_COUNT":
        arity(c, 1, 1);
        if (of(args.get(0)) != Type.ARRAY) throw new MathException("METRIC_COUNT takes an array of time series");
        return Type.SCALAR;
      case "PERIOD":
        arity(c, 1, 1);
        if (of(args.get(0)) != Type.SERIES) throw new MathException("PERIOD takes a metric");
        return Type.SCALAR;
      default: // TIME_SERIES
        arity(c, 1, 1);
        if (of(args.get(0)) != Type.SCALAR) throw new MathException("TIME_SERIES takes a scalar");
        return Type.SERIES;
    }
  }

  private static Type numeric(Type t, String where) {
    if (t == Type.STRING || t == Type.KEYWORD) throw new MathException(where + " cannot take " + describe(t));
    return t;
  }

  private static Type seriesOrArray(Call c, Type t) {
    if (t != Type.SERIES && t != Type.ARRAY) throw new MathException(c.function() + " takes a time series or an array of time series, not " + describe(t));
    return t;
  }

  private static void arity(Call c, int min, int max) {
    int n = c.args().size();
    if (n < min || n > max) {
      throw new MathException(c.function() + " takes " + (min == max ? String.valueOf(min) : min + " to " + max) + " arguments, not " + n);
    }
  }

  static String describe(Type t) {
    return switch (t) {
      case SCALAR -> "a scalar";
      case SERIES -> "a time series";
      case ARRAY -> "an array of time series";
      case STRING -> "a string";
      case KEYWORD -> "a keyword";
    };
  }
}
