package dev.linkpulse.ops.slo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code dashboards/slo.json} and {@code dashboards/pipeline.json}: CloudWatch dashboard bodies. Physical names are
 * {@code ${Parameter}} placeholders, which the nested stack fills with {@code Fn::Sub}; to load a body by hand,
 * replace them first (alarms/README.md).
 */
final class Dashboards {
  private Dashboards() {}

  /** File name (under dashboards/) to body, in a fixed order. */
  static Map<String, String> render(AlarmPlan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("slo.json", JsonWriter.write(new SloDashboard(plan).body()));
    out.put("pipeline.json", JsonWriter.write(new PipelineDashboard(plan.spec()).body()));
    return out;
  }
}
