package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeAlarms' MetricAlarm and CompositeAlarm shapes, and the MetricDataQuery shape inside them. */
final class AlarmViews {
  private AlarmViews() {}

  static void metricAlarm(ObjectNode o, AlarmEntry e) {
    MetricAlarm a = e.metric();
    common(o, e);
    if (!a.isMath()) {
      o.put("MetricName", a.metric().name()).put("Namespace", a.metric().namespace());
      o.put(a.extendedStatistic() ? "ExtendedStatistic" : "Statistic", a.statistic());
      ArrayNode dims = o.putArray("Dimensions");
      a.metric().dimensions().forEach((k, v) -> dims.addObject().put("Name", k).put("Value", v));
      o.put("Period", a.period());
      if (a.unit() != null) o.put("Unit", a.unit());
    }
    o.put("EvaluationPeriods", a.evaluationPeriods());
    o.put("DatapointsToAlarm", a.datapointsToAlarm());
    o.put("Threshold", a.threshold());
    o.put("ComparisonOperator", a.comparison().name());
    o.put("TreatMissingData", a.treatMissingData().wire());
    if (a.evaluateLowSampleCountPercentile() != null) o.put("EvaluateLowSampleCountPercentile", a.evaluateLowSampleCountPercentile());
    if (a.isMath()) {
      ArrayNode metrics = o.putArray("Metrics");
      for (MetricQuery q : a.metrics()) query(metrics.addObject(), q);
    }
  }

  static void compositeAlarm(ObjectNode o, AlarmEntry e) {
    common(o, e);
    o.put("AlarmRule", e.composite().ruleText());
  }

  private static void common(ObjectNode o, AlarmEntry e) {
    o.put("AlarmName", e.name());
    o.put("AlarmArn", e.arn());
    if (e.description() != null) o.put("AlarmDescription", e.description());
    o.putPOJO("AlarmConfigurationUpdatedTimestamp", e.configured());
    o.put("ActionsEnabled", e.actionsEnabled());
    strings(o.putArray("OKActions"), e.actions().ok());
    strings(o.putArray("AlarmActions"), e.actions().alarm());
    strings(o.putArray("InsufficientDataActions"), e.actions().insufficientData());
    AlarmState s = e.state();
    o.put("StateValue", s.value().name());
    o.put("StateReason", s.reason());
    if (s.reasonData() != null) o.put("StateReasonData", s.reasonData());
    o.putPOJO("StateUpdatedTimestamp", s.updated());
    o.putPOJO("StateTransitionedTimestamp", s.transitioned());
  }

  static void query(ObjectNode o, MetricQuery q) {
    o.put("Id", q.id());
    if (q.metricStat() != null) {
      ObjectNode stat = o.putObject("MetricStat");
      metric(stat.putObject("Metric"), q.metricStat().metric());
      stat.put("Period", q.metricStat().period()).put("Stat", q.metricStat().stat().name());
      if (q.metricStat().unit() != null) stat.put("Unit", q.metricStat().unit());
    }
    if (q.expression() != null) o.put("Expression", q.expression());
    if (q.label() != null) o.put("Label", q.label());
    o.put("ReturnData", q.returnData());
  }

  /** A Metric: Namespace, MetricName, Dimensions [{Name, Value}]. */
  static void metric(ObjectNode o, MetricId id) {
    o.put("Namespace", id.namespace()).put("MetricName", id.name());
    ArrayNode dims = o.putArray("Dimensions");
    id.dimensions().forEach((k, v) -> dims.addObject().put("Name", k).put("Value", v));
  }

  private static void strings(ArrayNode array, java.util.List<String> values) {
    values.forEach(array::add);
  }
}
