package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.cloudwatch.MathTypes.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a list of MetricDataQuery over one time range: metrics are read from the store, expressions evaluated over
 * them (and over each other, in any order, without cycles). Used by GetMetricData and by alarm evaluation alike,
 * so an alarm sees exactly what GetMetricData shows.
 */
final class MetricQueries {
  /** One returned result: an expression over an array yields several series under one Id. */
  record Result(String id, String label, List<Series> series) {}

  private final MetricStore store;

  MetricQueries(MetricStore store) {
    this.store = store;
  }

  /** Checks references, cycles and types; answers each query's type. Throws {@link MathException}. */
  static Map<String, Type> check(List<MetricQuery> queries) {
    Map<String, MetricQuery> byId = new LinkedHashMap<>();
    for (MetricQuery q : queries) byId.put(q.id(), q);
    Map<String, Type> types = new HashMap<>();
    for (MetricQuery q : queries) typeOf(q.id(), byId, types, new HashSet<>());
    return types;
  }

  private static Type typeOf(String id, Map<String, MetricQuery> byId, Map<String, Type> types, Set<String> visiting) {
    Type known = types.get(id);
    if (known != null) return known;
    MetricQuery q = byId.get(id);
    if (q == null) throw new MathException("Unknown identifier " + id + ": no query in the request has this Id");
    if (q.metricStat() != null) {
      types.put(id, Type.SERIES);
      return Type.SERIES;
    }
    if (!visiting.add(id)) throw new MathException("Circular reference: expression " + id + " depends on itself");
    Type t = new MathTypes(ref -> typeOf(ref, byId, types, visiting)).of(q.parsed());
    visiting.remove(id);
    if (t == Type.STRING || t == Type.KEYWORD) throw new MathException("Expression " + id + " is not a number or a time series");
    types.put(id, t);
    return t;
  }

  /** The results of the queries with ReturnData, in request order, over {@code [start, end)}. */
  List<Result> run(List<MetricQuery> queries, long start, long end) {
    Map<String, Type> types = check(queries);
    Evaluation evaluation = new Evaluation(queries, start, end);
    List<Result> out = new ArrayList<>();
    for (MetricQuery q : queries) {
      if (!q.returnData()) continue;
      Object value = evaluation.ref(q.id());
      if (types.get(q.id()) == Type.SCALAR) {
        throw new MathException("Expression " + q.id() + " returns a scalar; the result of an expression must be a time series or an array of time series");
      }
      List<Series> series = new ArrayList<>();
      for (Series s : MathEvaluator.asArray(value)) series.add(s.withLabel(label(q, s, value instanceof List<?>)));
      out.add(new Result(q.id(), q.labelOrDefault(), series));
    }
    return out;
  }

  /** An array result labels each series "<expression label> <metric label>", as the console legend does. */
  private static String label(MetricQuery q, Series s, boolean array) {
    if (!array) return q.labelOrDefault();
    return q.label() == null || q.label().isEmpty() ? s.label() : q.label() + " " + s.label();
  }

  /** One metric's datapoints of one statistic over the range; periods without a value are absent. */
  Series read(MetricQuery.MetricStat stat, String label, long start, long end) {
    NavigableMap<Long, Double> points = new TreeMap<>();
    store.aggregate(stat.metric(), stat.unit(), start, end, stat.period(), stat.stat().kind() == Statistic.Kind.PERCENTILE).forEach((t, a) -> {
      Double v = stat.stat().of(a);
      if (v != null) MathEvaluator.keep(points, t, v);
    });
    return new Series(label, start, end, stat.period(), points);
  }

  private final class Evaluation implements MathContext {
    private final Map<String, MetricQuery> byId = new LinkedHashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final long start;
    private final long end;

    Evaluation(List<MetricQuery> queries, long start, long end) {
      queries.forEach(q -> byId.put(q.id(), q));
      this.start = start;
      this.end = end;
    }

    @Override
    public Object ref(String id) {
      Object known = values.get(id);
      if (known != null) return known;
      MetricQuery q = byId.get(id);
      Object value = q.metricStat() != null
          ? read(q.metricStat(), q.labelOrDefault(), start, end)
          : new MathEvaluator(this).eval(q.parsed());
      if (value instanceof Series s && q.metricStat() == null) value = s.withLabel(q.labelOrDefault());
      values.put(id, value);
      return value;
    }

    @Override
    public List<String> metricIds() {
      return byId.values().stream().filter(q -> q.metricStat() != null).map(MetricQuery::id).toList();
    }

    @Override
    public Series grid() {
      long period = byId.values().stream().filter(q -> q.metricStat() != null)
          .mapToLong(q -> q.metricStat().period()).findFirst().orElse(60);
      return new Series("", start, end, period, new TreeMap<>());
    }
  }
}
