package dev.linkpulse.emulators.cloudwatch;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * IF(condition, trueValue, falseValue) by the user guide's table. A condition datapoint is true when it is not 0.
 * A true point takes trueValue (0 when that series lacks the timestamp); a false point takes falseValue, and is
 * dropped when falseValue lacks the timestamp or was omitted. Timestamps the condition lacks are dropped.
 */
final class MathIf {
  private MathIf() {}

  static Object apply(Object condition, Object whenTrue, Object whenFalse, Series grid) {
    if (condition instanceof Double c) return scalarCondition(c != 0, whenTrue, whenFalse, grid);
    Series cond = (Series) condition;
    NavigableMap<Long, Double> out = new TreeMap<>();
    for (Map.Entry<Long, Double> e : cond.points().entrySet()) {
      long t = e.getKey();
      if (e.getValue() != 0) {
        MathEvaluator.keep(out, t, whenTrue instanceof Double d ? d : ((Series) whenTrue).points().getOrDefault(t, 0.0));
      } else if (whenFalse instanceof Double d) {
        MathEvaluator.keep(out, t, d);
      } else if (whenFalse instanceof Series s && s.points().containsKey(t)) {
        MathEvaluator.keep(out, t, s.points().get(t));
      }
    }
    return cond.withPoints(out);
  }

  /** IF(scalar, a, b): a or b whole; with all three scalars the answer is a scalar. */
  private static Object scalarCondition(boolean condition, Object whenTrue, Object whenFalse, Series grid) {
    Object chosen = condition ? whenTrue : whenFalse;
    boolean anySeries = whenTrue instanceof Series || whenFalse instanceof Series;
    if (chosen == null) return anySeries ? grid.empty() : Double.NaN;
    if (chosen instanceof Series || !anySeries) return chosen;
    Series shape = whenTrue instanceof Series s ? s : (Series) whenFalse;
    NavigableMap<Long, Double> out = new TreeMap<>();
    for (long t = shape.firstSlot(); t < shape.end(); t += shape.period()) MathEvaluator.keep(out, t, (Double) chosen);
    return shape.withPoints(out);
  }
}
