package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.MetricRef;
import dev.linkpulse.ops.slo.SloSpec.MinutesSli;
import dev.linkpulse.ops.slo.SloSpec.RatioSli;
import dev.linkpulse.ops.slo.SloSpec.Slo;
import dev.linkpulse.ops.slo.SloSpec.SpecException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nested template's parameters: the physical name of every template.yaml resource a metric or a dashboard names
 * (functions, queues, the HTTP API, state machines, event buses and rules), which the parent passes in. A metric names such a resource by its logical id.
 */
final class StackParameters {
  /** A parameter: {@code name} is the resource's logical id and a suffix ({@code RecorderFunctionName}). */
  record Param(String name, String resource, String dimension) {
    /** What the parent template passes: {@code !Ref Function}, {@code !GetAtt Queue.QueueName}, {@code !Ref Api}. */
    Object parentValue() {
      return switch (dimension) {
        case "QueueName" -> Cfn.getAtt(resource, "QueueName");
        case "RuleName" -> new Cfn.RuleName(resource);
        default -> Cfn.ref(resource);
      };
    }

    String description() {
      String kind = switch (dimension) {
        case "FunctionName" -> "function name";
        case "QueueName" -> "queue name";
        case "StateMachineArn" -> "state machine ARN";
        case "EventBusName" -> "event bus name";
        case "RuleName" -> "rule name";
        default -> "HTTP API id";
      };
      return "Physical " + kind + " of " + resource + " in the parent template (" + YamlWriter.scalar(parentValue()) + ").";
    }
  }

  private final Map<String, Param> params = new TreeMap<>();

  private StackParameters() {}

  /** Every parameter the spec's metrics and pipeline need: functions, queues, APIs, buses, then rules, each alphabetical. */
  static List<Param> of(SloSpec spec) {
    StackParameters collected = new StackParameters();
    collected.collect(spec);
    Map<String, Integer> order = Map.of("FunctionName", 0, "QueueName", 1, "ApiId", 2, "StateMachineArn", 3, "EventBusName", 4, "RuleName", 5);
    return collected.params.values().stream()
        .sorted(Comparator.comparing((Param p) -> order.get(p.dimension())).thenComparing(Param::name)).toList();
  }

  /** A dimension's value in an alarm: a parameter reference for template resources, the literal otherwise. */
  static Object ref(String dimension, String value) {
    String suffix = SloSpec.RESOURCE_DIMENSIONS.get(dimension);
    return suffix == null ? value : Cfn.ref(value + suffix);
  }

  /** A dimension's value in a dashboard body ({@code Fn::Sub}): {@code ${Parameter}} for template resources, the literal otherwise. */
  static String sub(String dimension, String value) {
    String suffix = SloSpec.RESOURCE_DIMENSIONS.get(dimension);
    return suffix == null ? value : "${" + value + suffix + "}";
  }

  private void collect(SloSpec spec) {
    List<MetricRef> metrics = new ArrayList<>();
    for (Slo slo : spec.slos()) {
      if (slo.sli() instanceof RatioSli r) {
        metrics.add(r.bad());
        metrics.add(r.total());
      } else if (slo.sli() instanceof MinutesSli m) {
        metrics.add(m.metric());
      }
    }
    spec.alarms().forEach(a -> metrics.add(a.metric()));
    for (MetricRef m : metrics) {
      for (Map<String, String> dims : m.expand()) dims.forEach(this::add);
    }
    SloSpec.Pipeline p = spec.pipeline();
    for (String fn : List.of(p.redirect(), p.recorder(), p.aggregator())) add("FunctionName", fn);
    add("QueueName", p.queue());
    p.deadLetterQueues().forEach(q -> add("QueueName", q));
    add("ApiId", p.api());
  }

  private void add(String dimension, String value) {
    String suffix = SloSpec.RESOURCE_DIMENSIONS.get(dimension);
    if (suffix == null) return;
    Param p = new Param(value + suffix, value, dimension);
    Param existing = params.putIfAbsent(p.name(), p);
    if (existing != null && !existing.equals(p)) {
      throw new SpecException("'" + value + "' is used both as a " + existing.dimension() + " and a " + dimension);
    }
  }
}
