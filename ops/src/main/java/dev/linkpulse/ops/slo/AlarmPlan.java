package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.BurnWindows.MinutesWindow;
import dev.linkpulse.ops.slo.BurnWindows.RatioWindow;
import dev.linkpulse.ops.slo.SloSpec.BurnRate;
import dev.linkpulse.ops.slo.SloSpec.MetricRef;
import dev.linkpulse.ops.slo.SloSpec.MinutesSli;
import dev.linkpulse.ops.slo.SloSpec.RatioSli;
import dev.linkpulse.ops.slo.SloSpec.Severity;
import dev.linkpulse.ops.slo.SloSpec.SignalAlarm;
import dev.linkpulse.ops.slo.SloSpec.Slo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alarms {@code slos.yaml} asks for, each with its CloudFormation properties: for every SLO and every burn-rate
 * pair, one metric-math alarm per window and a composite that pages (or tickets) only when both windows agree; then
 * one metric-math alarm per signal alarm. The math, and why it takes this shape, is in alarms/README.md.
 */
final class AlarmPlan {
  /** Window alarms carry no actions; their composite notifies. */
  enum Kind { WINDOW, COMPOSITE, SIGNAL }

  /** One alarm resource. {@code name} is the alarm name after the {@code AlarmNamePrefix-} prefix. */
  record Planned(String logicalId, String name, Kind kind, Severity severity, String runbook, String slo, String title,
      Map<String, Object> properties) {}

  private final SloSpec spec;
  private final List<StackParameters.Param> params;

  private AlarmPlan(SloSpec spec) {
    this.spec = spec;
    this.params = StackParameters.of(spec);
  }

  static AlarmPlan of(SloSpec spec) {
    return new AlarmPlan(spec);
  }

  SloSpec spec() {
    return spec;
  }

  /** Parameters for resource names, functions first, then queues, then APIs, each alphabetical. */
  List<StackParameters.Param> params() {
    return params;
  }

  /** The template.yaml parameters signal alarms take their thresholds from, in slos.yaml order, each once. */
  List<String> thresholdParams() {
    return spec.alarms().stream().map(a -> a.threshold().parameter()).filter(java.util.Objects::nonNull).distinct().toList();
  }

  List<Planned> alarms() {
    List<Planned> out = new ArrayList<>();
    for (Slo slo : spec.slos()) {
      if (slo.sli() instanceof SloSpec.AlarmsSli) continue;
      for (BurnRate rate : spec.burnRates()) {
        Planned longW = window(slo, rate, rate.longWindow());
        Planned shortW = window(slo, rate, rate.shortWindow());
        out.add(longW);
        out.add(shortW);
        out.add(composite(slo, rate, longW, shortW));
      }
    }
    for (SignalAlarm a : spec.alarms()) out.add(signal(a));
    for (Planned p : out) CloudWatchLimits.checkDescription(p.name(), ((Cfn.Sub) p.properties().get("AlarmDescription")).text());
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------- SLOs

  private Planned window(Slo slo, BurnRate rate, Duration window) {
    String name = slo.id() + "-" + rate.name() + "-burn-" + Durations.label(window);
    String composite = "${AlarmNamePrefix}-" + slo.id() + "-" + rate.name() + "-burn";
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("AlarmName", Cfn.sub("${AlarmNamePrefix}-" + name));
    if (slo.sli() instanceof RatioSli r) ratioWindow(props, slo, r, rate, window, composite);
    else minutesWindow(props, slo, (MinutesSli) slo.sli(), rate, window, composite);
    props.put("TreatMissingData", "notBreaching");
    return new Planned(Cfn.logicalId(slo.id()) + Cfn.logicalId(rate.name()) + "Burn" + Durations.label(window), name, Kind.WINDOW,
        rate.severity(), slo.runbook(), slo.id(), slo.title() + ": " + rate.name() + " burn, " + Durations.label(window) + " window", props);
  }

  private void ratioWindow(Map<String, Object> props, Slo slo, RatioSli r, BurnRate rate, Duration window, String composite) {
    RatioWindow w = BurnWindows.ratio(window);
    String what = "burn rate over the last " + Durations.label(window) + " is " + rate.factor().toPlainString()
        + "x or more" + (w.evaluationPeriods() > 1 ? " (judged day by day: each of the last " + w.evaluationPeriods()
        + " days burned at that rate, as an alarm period is at most 1d)" : "") + ".";
    props.put("AlarmDescription", halfOf(composite, slo, what));
    List<Object> metrics = new ArrayList<>();
    String bad = metricStats("bad", r.bad(), w.period(), metrics);
    String total = metricStats("total", r.total(), w.period(), metrics);
    metrics.add(expression("burn", MetricMath.burn(bad, total, slo.budget()), "burn rate over " + Durations.label(w.period()) + " (x budget)"));
    props.put("Metrics", metrics);
    props.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
    props.put("Threshold", rate.factor());
    props.put("EvaluationPeriods", w.evaluationPeriods());
    props.put("DatapointsToAlarm", w.evaluationPeriods());
  }

  private void minutesWindow(Map<String, Object> props, Slo slo, MinutesSli m, BurnRate rate, Duration window, String composite) {
    MinutesWindow w = BurnWindows.minutes(slo, rate, window);
    String what = w.badMinutes() + " or more of the last " + w.minutes() + " minutes had " + m.metric().stat() + " "
        + m.metric().name() + " >= " + m.below().toPlainString() + " (burn rate " + rate.factor().toPlainString() + "x or more"
        + (w.truncated() ? "; the " + Durations.label(window) + " window is evaluated over its most recent 1d, the longest"
        + " 1-minute alarm range CloudWatch allows" : "") + ").";
    props.put("AlarmDescription", halfOf(composite, slo, what));
    List<Object> metrics = new ArrayList<>();
    String sli = metricStats("sli", m.metric(), Duration.ofMinutes(1), metrics);
    metrics.add(expression("bad", MetricMath.badMinute(sli, m.below()), "1 when the minute's " + m.metric().stat() + " is "
        + m.below().toPlainString() + " or more"));
    props.put("Metrics", metrics);
    props.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
    props.put("Threshold", 1);
    props.put("EvaluationPeriods", w.minutes());
    props.put("DatapointsToAlarm", w.badMinutes());
  }

  /** A window alarm's description: it is half of a composite, and notifies no one itself. */
  private Cfn.Sub halfOf(String composite, Slo slo, String what) {
    return description(sloName(slo) + ": " + what + " Half of composite " + composite + ", which notifies; this alarm does not.", slo.runbook());
  }

  private Planned composite(Slo slo, BurnRate rate, Planned longW, Planned shortW) {
    String name = slo.id() + "-" + rate.name() + "-burn";
    BigDecimal share = rate.factor().multiply(BigDecimal.valueOf(rate.longWindow().getSeconds()))
        .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(spec.budgetPeriod().getSeconds()), new MathContext(3, RoundingMode.HALF_UP))
        .stripTrailingZeros();
    String what = rate.severity().name() + ": " + sloName(slo) + " is spending its error budget at "
        + rate.factor().toPlainString() + "x or more over both the last " + Durations.label(rate.longWindow()) + " and the last "
        + Durations.label(rate.shortWindow()) + " (" + share.toPlainString() + "% of the budget in " + Durations.label(rate.longWindow())
        + "). Objective: " + slo.description();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("AlarmName", Cfn.sub("${AlarmNamePrefix}-" + name));
    props.put("AlarmDescription", description(what, slo.runbook()));
    props.put("AlarmRule", Cfn.sub("ALARM(\"${" + longW.logicalId() + ".Arn}\") AND ALARM(\"${" + shortW.logicalId() + ".Arn}\")"));
    props.put("AlarmActions", List.of(topic(rate.severity())));
    props.put("OKActions", List.of(topic(rate.severity())));
    return new Planned(Cfn.logicalId(slo.id()) + Cfn.logicalId(rate.name()) + "Burn", name, Kind.COMPOSITE, rate.severity(), slo.runbook(),
        slo.id(), slo.title() + ": " + rate.name() + " burn (" + Durations.label(rate.longWindow()) + " and "
        + Durations.label(rate.shortWindow()) + " at " + rate.factor().toPlainString() + "x)", props);
  }

  // ------------------------------------------------------------------------------------------------------- signals

  private Planned signal(SignalAlarm a) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("AlarmName", Cfn.sub("${AlarmNamePrefix}-" + a.id()));
    String what = a.severity().name() + ": " + a.title() + ". " + a.description() + " Fires at " + a.threshold().text()
        + " or more in " + a.datapoints() + " of " + a.evaluationPeriods() + " periods of " + Durations.label(a.period()) + ".";
    props.put("AlarmDescription", description(what, a.runbook()));
    List<Object> metrics = new ArrayList<>();
    String sum = metricStats("m", a.metric(), a.period(), metrics);
    metrics.add(expression("value", sum, a.metric().stat() + " of " + a.metric().name()));
    props.put("Metrics", metrics);
    props.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
    props.put("Threshold", a.threshold().parameter() == null ? a.threshold().value() : Cfn.ref(a.threshold().parameter()));
    props.put("EvaluationPeriods", a.evaluationPeriods());
    props.put("DatapointsToAlarm", a.datapoints());
    props.put("TreatMissingData", "notBreaching");
    props.put("AlarmActions", List.of(topic(a.severity())));
    props.put("OKActions", List.of(topic(a.severity())));
    return new Planned(Cfn.logicalId(a.id()), a.id(), Kind.SIGNAL, a.severity(), a.runbook(), a.slo(), a.title(), props);
  }

  // ------------------------------------------------------------------------------------------------------- helpers

  /** "Redirect availability (SLO 99.95% over 30d)". */
  private String sloName(Slo slo) {
    return slo.title() + " (SLO " + slo.objective().toPlainString() + "% over " + Durations.label(spec.budgetPeriod()) + ")";
  }

  private static Cfn.Sub description(String text, String runbook) {
    return Cfn.sub(text + " Runbook: ${RunbookBaseUrl}" + runbook);
  }

  private static Cfn.Ref topic(Severity severity) {
    return Cfn.ref(severity == Severity.PAGE ? "PageTopic" : "TicketTopic");
  }

  /** Adds one MetricStat query per metric {@code ref} expands to; returns the expression that sums them. */
  private static String metricStats(String prefix, MetricRef ref, Duration period, List<Object> out) {
    return MetricMath.sum(prefix, ref, (id, dimensions) -> {
      List<Object> dims = new ArrayList<>();
      dimensions.forEach((k, v) -> dims.add(Nodes.map("Name", k, "Value", StackParameters.ref(k, v))));
      Map<String, Object> metric = Nodes.map("Namespace", ref.namespace(), "MetricName", ref.name(), "Dimensions", dims);
      out.add(Nodes.map("Id", id, "ReturnData", false, "MetricStat", Nodes.map("Metric", metric, "Period", (int) period.getSeconds(), "Stat", ref.stat())));
    });
  }

  private static Map<String, Object> expression(String id, String expression, String label) {
    return Nodes.map("Id", id, "Label", label, "Expression", expression, "ReturnData", true);
  }
}
