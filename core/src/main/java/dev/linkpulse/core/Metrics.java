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

  /** Emits counts (unit Count) under the dimension {@code Service}; {@code properties} are searchable context only. */
  public void count(Map<String, ? extends Number> counts, Map<String, ?> properties) {
    emit(counts, "Count", properties);
  }

  public void milliseconds(Map<String, ? extends Number> values, Map<String, ?> properties) {
    emit(values, "Milliseconds", properties);
  }

  private void emit(Map<String, ? extends Number> values, String unit, Map<String, ?> properties) {
    if (values.isEmpty()) return;
    ObjectNode line = Json.object();
    ObjectNode aws = line.putObject("_aws");
    aws.put("Timestamp", clock.millis());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    directive.putArray("Dimensions").addArray().add("Service");
    ArrayNode metrics = directive.putArray("Metrics");
    line.put("Service", service);
    values.forEach((name, value) -> {
      metrics.addObject().put("Name", name).put("Unit", unit);
      line.putPOJO(name, value);
    });
    properties.forEach((k, v) -> line.putPOJO(k, v));
    out.println(Json.write(line));
  }
}
