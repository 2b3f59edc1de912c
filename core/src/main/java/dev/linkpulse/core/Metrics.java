package dev.linkpulse.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * CloudWatch metrics in Embedded Metric Format: one JSON line on stdout, which Lambda ships to CloudWatch Logs and
 * CloudWatch turns into metrics. No API call, no latency on the request path.
 */
public final class Metrics {
  public static final String NAMESPACE = "Linkpulse";

  private final PrintStream out;
  private final Clock clock;
  private final String service;

  public Metrics(String service) {
    this(service, System.out, Clock.systemUTC());
  }

  public Metrics(String service, PrintStream out, Clock clock) {
    this.service = service;
    this.out = out;
    this.clock = clock;
  }

  /** A value with its unit, for {@link #emit}. */
  public record Value(Object value, String unit) {}

  public static Value count(long n) {
    return new Value(n, "Count");
  }

  public static Value millis(double ms) {
    return new Value(ms, "Milliseconds");
  }

  /** Many observations of one metric in one line (EMF takes up to 100 values per metric). */
  public static Value millisList(java.util.List<? extends Number> values) {
    return new Value(values.size() > 100 ? values.subList(0, 100) : values, "Milliseconds");
  }

  /** Emits metrics of mixed units in one line. */
  public void emit(Map<String, Value> values, Map<String, ?> properties) {
    if (values.isEmpty()) return;
    ObjectNode line = header();
    ArrayNode metrics = (ArrayNode) line.path("_aws").path("CloudWatchMetrics").get(0).get("Metrics");
    values.forEach((name, v) -> {
      metrics.addObject().put("Name", name).put("Unit", v.unit());
      line.putPOJO(name, v.value());
    });
    properties.forEach((k, v) -> line.putPOJO(k, v));
    out.println(Json.write(line));
  }

  /** Emits counts (unit Count) under the dimension {@code Service}; {@code properties} are searchable context only. */
  public void count(Map<String, ? extends Number> counts, Map<String, ?> properties) {
    emit(counts, "Count", properties);
  }

  public void milliseconds(Map<String, ? extends Number> values, Map<String, ?> properties) {
    emit(values, "Milliseconds", properties);
  }

  private void emit(Map<String, ? extends Number> values, String unit, Map<String, ?> properties) {
    Map<String, Value> typed = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, new Value(value, unit)));
    emit(typed, properties);
  }

  private ObjectNode header() {
    ObjectNode line = Json.object();
    ObjectNode aws = line.putObject("_aws");
    aws.put("Timestamp", clock.millis());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    directive.putArray("Dimensions").addArray().add("Service");
    directive.putArray("Metrics");
    line.put("Service", service);
    return line;
  }
}
