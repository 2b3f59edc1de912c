package dev.linkpulse.emulators.cloudwatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Evaluates expressions over hand-made series, written as the user guide writes them: "[30, -, 20]". */
final class MathTestSupport implements MathContext {
  static final long PERIOD = 60;
  private final Map<String, Series> metrics = new LinkedHashMap<>();
  private int length;

  MathTestSupport metric(String id, String values) {
    String[] parts = values.replaceAll("[\\[\\]\\s]", "").split(",");
    length = Math.max(length, parts.length);
    NavigableMap<Long, Double> points = new TreeMap<>();
    for (int i = 0; i < parts.length; i++) if (!parts[i].equals("-")) points.put(i * PERIOD, Double.parseDouble(parts[i]));
    metrics.put(id, new Series(id, 0, parts.length * PERIOD, PERIOD, points));
    return this;
  }

  Object eval(String expression) {
    MathNode node = MathParser.parse(expression);
    new MathTypes(id -> {
      if (!metrics.containsKey(id)) throw new MathException("Unknown identifier " + id);
      return MathTypes.Type.SERIES;
    }).of(node);
    return new MathEvaluator(this).eval(node);
  }

  /** A series result in the guide's notation. */
  String series(String expression) {
    return render((Series) eval(expression));
  }

  String render(Series s) {
    List<String> out = new ArrayList<>();
    for (long t = 0; t < length * PERIOD; t += PERIOD) {
      Double v = s.points().get(t);
      out.add(v == null ? "-" : v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v));
    }
    return "[" + String.join(", ", out) + "]";
  }

  @Override
  public Object ref(String id) {
    return metrics.get(id);
  }

  @Override
  public List<String> metricIds() {
    return new ArrayList<>(metrics.keySet());
  }

  @Override
  public Series grid() {
    return new Series("", 0, length * PERIOD, PERIOD, new TreeMap<>());
  }
}
