package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.cloudwatch.MathNode.Call;
import dev.linkpulse.emulators.cloudwatch.MathNode.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The metric math functions, each as the user guide describes it (see {@link MathTypes#FUNCTIONS}). */
final class MathFunctions {
  private final MathEvaluator evaluator;
  private final MathContext context;

  MathFunctions(MathEvaluator evaluator, MathContext context) {
    this.evaluator = evaluator;
    this.context = context;
  }

  Object call(Call c) {
    List<Object> args = new ArrayList<>();
    for (MathNode a : c.args()) args.add(evaluator.eval(a));
    return switch (c.function()) {
      case "METRICS" -> metrics(args.isEmpty() ? "" : (String) args.get(0));
      case "FILL" -> perSeries(args.get(0), s -> fill(s, args.get(1)));
      case "IF" -> MathIf.apply(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null, context.grid());
      case "SUM" -> aggregate(args.get(0), Aggregation.SUM);
      case "AVG" -> aggregate(args.get(0), Aggregation.AVG);
      case "MIN" -> aggregate(args.get(0), Aggregation.MIN);
      case "MAX" -> aggregate(args.get(0), Aggregation.MAX);
      case "DATAPOINT_COUNT" -> aggregate(args.get(0), Aggregation.COUNT);
      case "RUNNING_SUM" -> perSeries(args.get(0), MathFunctions::runningSum);
      case "ABS" -> evaluator.unary(args.get(0), Math::abs);
      case "CEIL" -> evaluator.unary(args.get(0), Math::ceil);
      case "FLOOR" -> evaluator.unary(args.get(0), Math::floor);
      case "METRIC_COUNT" -> (double) MathEvaluator.asArray(args.get(0)).size();
      case "PERIOD" -> (double) ((Series) args.get(0)).period();
      case "TIME_SERIES" -> constant(context.grid(), (Double) args.get(0));
      default -> throw new MathException("Unsupported function " + c.function());
    };
  }

  /** METRICS("x"): the request's metrics whose Id contains x, in request order; expressions are not included. */
  private List<Series> metrics(String filter) {
    List<Series> out = new ArrayList<>();
    for (String id : context.metricIds()) if (id.contains(filter)) out.add((Series) context.ref(id));
    return out;
  }

  private static Object perSeries(Object value, java.util.function.UnaryOperator<Series> f) {
    if (value instanceof Series s) return f.apply(s);
    return MathEvaluator.asArray(value).stream().map(f).toList();
  }

  /** FILL(s, filler): every empty slot of the grid gets a number, another series' value, REPEAT or LINEAR. */
  static Series fill(Series s, Object filler) {
    NavigableMap<Long, Double> out = new TreeMap<>(s.points());
    for (long t = s.firstSlot(); t < s.end(); t += s.period()) {
      if (out.containsKey(t)) continue;
      Double v;
      if (filler instanceof Double d) v = d;
      else if (filler instanceof Series other) v = other.points().get(t);
      else if (((Keyword) filler).word().equals("REPEAT")) v = valueOrNull(s.points().lowerEntry(t));
      else v = linear(s.points(), t);
      if (v != null) out.put(t, v);
    }
    return s.withPoints(out);
  }

  private static Double valueOrNull(Map.Entry<Long, Double> e) {
    return e == null ? null : e.getValue();
  }

  /** Between the real values on both sides of the gap; a gap at either end of the series stays empty. */
  private static Double linear(NavigableMap<Long, Double> points, long t) {
    Map.Entry<Long, Double> before = points.lowerEntry(t);
    Map.Entry<Long, Double> after = points.higherEntry(t);
    if (before == null || after == null) return null;
    double share = (double) (t - before.getKey()) / (after.getKey() - before.getKey());
    return before.getValue() + share * (after.getValue() - before.getValue());
  }

  private static Series runningSum(Series s) {
    NavigableMap<Long, Double> out = new TreeMap<>();
    double total = 0;
    for (Map.Entry<Long, Double> e : s.points().entrySet()) {
      total += e.getValue();
      out.put(e.getKey(), total);
    }
    return s.withPoints(out);
  }

  private static Series constant(Series grid, double value) {
    NavigableMap<Long, Double> out = new TreeMap<>();
    for (long t = grid.firstSlot(); t < grid.end(); t += grid.period()) MathEvaluator.keep(out, t, value);
    return grid.withPoints(out);
  }

  enum Aggregation { SUM, AVG, MIN, MAX, COUNT }

  /**
   * Of one series: a scalar over all its datapoints. Of an array: one series, timestamp by timestamp; SUM and AVG
   * read a series' missing value as 0 (as the guide says for AVG), MIN and MAX use the values present.
   */
  static Object aggregate(Object value, Aggregation how) {
    if (value instanceof Series s) return reduce(new ArrayList<>(s.points().values()), how);
    List<Series> array = MathEvaluator.asArray(value);
    if (array.isEmpty()) throw new MathException(how + " of an empty array of time series");
    TreeSet<Long> times = new TreeSet<>();
    array.forEach(s -> times.addAll(s.points().keySet()));
    NavigableMap<Long, Double> out = new TreeMap<>();
    for (long t : times) {
      List<Double> present = new ArrayList<>();
      for (Series s : array) {
        Double v = s.points().get(t);
        if (v != null) present.add(v);
        else if (how == Aggregation.SUM || how == Aggregation.AVG) present.add(0.0);
      }
      MathEvaluator.keep(out, t, reduce(present, how));
    }
    return array.get(0).withPoints(out);
  }

  private static double reduce(List<Double> values, Aggregation how) {
    return switch (how) {
      case SUM -> values.stream().mapToDouble(Double::doubleValue).sum();
      case AVG -> values.isEmpty() ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
      case MIN -> values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
      case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
      case COUNT -> values.size();
    };
  }
}
