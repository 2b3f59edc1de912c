package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.MetricRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch dashboard widgets and their metric rows, as the dashboard body's JSON spells them. Physical names are
 * {@code ${Parameter}} placeholders ({@link StackParameters#sub}), which the nested stack fills with {@code Fn::Sub}.
 */
final class Widgets {
  static final String REGION = "${AWS::Region}";

  private Widgets() {}

  static Map<String, Object> text(String markdown) {
    return Nodes.map("type", "text", "properties", Nodes.map("markdown", markdown));
  }

  /** A single-value widget over the last {@code window}; {@code wholeRange}: one datapoint for the whole range. */
  static Map<String, Object> single(String title, List<Object> metrics, Duration window, boolean wholeRange) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("title", title);
    props.put("view", "singleValue");
    props.put("region", REGION);
    props.put("metrics", metrics);
    props.put("start", "-" + Durations.iso(window));
    if (wholeRange) props.put("setPeriodToTimeRange", true);
    else props.put("period", 60);
    return Nodes.map("type", "metric", "properties", props);
  }

  static Map<String, Object> graph(String title, List<Object> metrics, int period, List<Object> annotations, String unit) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("title", title);
    props.put("view", "timeSeries");
    props.put("region", REGION);
    props.put("period", period);
    props.put("metrics", metrics);
    if (!annotations.isEmpty()) props.put("annotations", Nodes.map("horizontal", annotations));
    props.put("yAxis", Nodes.map("left", unit == null ? Nodes.map("min", 0) : Nodes.map("label", unit, "min", 0)));
    return Nodes.map("type", "metric", "properties", props);
  }

  /** A horizontal line across a graph. */
  static Map<String, Object> line(String label, Object value) {
    return Nodes.map("label", label, "value", value);
  }

  /**
   * Adds the metric rows {@code ref} expands to (hidden; ids {@code prefix} or {@code prefix1..n}) and returns the
   * expression summing them with missing datapoints as 0.
   */
  static String rows(String prefix, MetricRef ref, List<Object> out) {
    return rows(prefix, ref, out, null);
  }

  /** As above; with a {@code label} the rows are visible and carry it. */
  static String rows(String prefix, MetricRef ref, List<Object> out, String label) {
    boolean several = ref.expand().size() > 1;
    return MetricMath.sum(prefix, ref, (id, dimensions) -> {
      List<String> dims = new ArrayList<>();
      dimensions.forEach((k, v) -> {
        dims.add(k);
        dims.add(StackParameters.sub(k, v));
      });
      String base = label == null ? ref.name() : label;
      Map<String, Object> o = opts(ref.stat(), base + (several ? " " + String.join("/", dimensions.values()) : ""));
      out.add(row(ref.namespace(), ref.name(), dims, withId(o, id, label != null)));
    });
  }

  /** One metric row: namespace, name, dimension names and values, then the rendering options. */
  static List<Object> row(String namespace, String name, List<String> dims, Map<String, Object> options) {
    List<Object> row = new ArrayList<>();
    row.add(namespace);
    row.add(name);
    row.addAll(dims);
    row.add(options);
    return row;
  }

  static Map<String, Object> opts(String stat, String label) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("stat", stat);
    if (label != null) o.put("label", label);
    return o;
  }

  static Map<String, Object> withId(Map<String, Object> options, String id, boolean visible) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", id);
    o.putAll(options);
    if (!visible) o.put("visible", false);
    return o;
  }

  static List<Object> expr(String expression, String label, String id) {
    return expr(expression, label, id, true);
  }

  static List<Object> expr(String expression, String label, String id, boolean visible) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("expression", expression);
    o.put("label", label);
    o.put("id", id);
    if (!visible) o.put("visible", false);
    return List.of(o);
  }
}
