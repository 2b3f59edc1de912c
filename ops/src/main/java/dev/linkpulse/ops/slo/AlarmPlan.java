package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.BurnRate;
import dev.linkpulse.ops.slo.SloSpec.MetricRef;
import dev.linkpulse.ops.slo.SloSpec.MinutesSli;
import dev.linkpulse.ops.slo.SloSpec.RatioSli;
import dev.linkpulse.ops.slo.SloSpec.Severity;
import dev.linkpulse.ops.slo.SloSpec.SignalAlarm;
import dev.linkpulse.ops.slo.SloSpec.Slo;
import dev.linkpulse.ops.slo.SloSpec.SpecException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

  /** A parameter of the nested template: the physical name of one template.yaml resource. */
  record Param(String name, String resource, String dimension) {
    /** What the parent template passes: {@code !Ref Function}, {@code !GetAtt Queue.QueueName}, {@code !Ref Api}. */
    Object parentValue() {
      return dimension.equals("QueueName") ? Cfn.getAtt(resource, "QueueName") : Cfn.ref(resource);
    }

    String description() {
      String kind = switch (dimension) {
        case "FunctionName" -> "function name";
        case "QueueName" -> "queue name";
        default -> "HTTP API id";
      };
      return "Physical " + kind + " of " + resource + " in the parent template (" + YamlWriter.scalar(parentValue()) + ").";
    }
  }

  private final SloSpec spec;
  private final Map<String, Param> params = new TreeMap<>();

  private AlarmPlan(SloSpec spec) {
    this.spec = spec;
  }

  static AlarmPlan of(SloSpec spec) {
    AlarmPlan plan = new AlarmPlan(spec);
    plan.collectParams();
    return plan;
  }

  SloSpec spec() {
    return spec;
  }

  /** Parameters for resource names, functions first, then queues, then APIs, each alphabetical. */
  List<Param> params() {
    Map<String, Integer> order = Map.of("FunctionName", 0, "QueueName", 1, "ApiId", 2);
    return params.values().stream().sorted(Comparator.comparing((Param p) -> order.get(p.dimension())).thenComparing(Param::name)).toList();
  }

  private void collectParams() {
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
      for (Map<String, String> dims : m.expand()) dims.forEach(this::param);
    }
    SloSpec.Pipeline p = spec.pipeline();
    for (String fn : List.of(p.redirect(), p.recorder(), p.aggregator())) param("FunctionName", fn);
    param("QueueName", p.queue());
    p.deadLetterQueues().forEach(q -> param("QueueName", q));
    param("ApiId", p.api());
  }

  private void param(String dimension, String value) {
    String suffix = SloSpec.RESOURCE_DIMENSIONS.get(dimension);
    if (suffix == null) return;
    Param p = new Param(value + suffix, value, dimension);
    Param existing = params.putIfAbsent(p.name(), p);
    if (existing != null && !existing.equals(p)) {
      throw new SpecException("'" + value + "' is used both as a " + existing.dimension() + " and a " + dimension);
    }
  }

  /** A dimension's value: a parameter reference for template resources, the literal otherwise. */
  static Object dimensionValue(String dimension, String value) {
    String suffix = SloSpec.RESOURCE_DIMENSIONS.get(dimension);
    return suffix == null ? value : Cfn.ref(value + suffix);
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
    String what;
    if (slo.sli() instanceof RatioSli r) {
      RatioWindow w = ratioWindow(window);
      what = "burn rate over the last " + Durations.label(window) + " is " + rate.factor().toPlainString()
          + "x or more" + (w.evaluationPeriods() > 1 ? " (judged day by day: each of the last " + w.evaluationPeriods()
          + " days burned at that rate, as an alarm period is at most 1d)" : "") + ".";
      props.put("AlarmDescription", description(sloName(slo) + ": " + what + " Half of composite " + composite
          + ", which notifies; this alarm does not.", slo.runbook()));
      List<Object> metrics = new ArrayList<>();
      String bad = metricStats("bad", r.bad(), w.period(), metrics);
      String total = metricStats("total", r.total(), w.period(), metrics);
      metrics.add(expression("burn", ratioBurn(bad, total, slo.budget()),
          "burn rate over " + Durations.label(w.period()) + " (x budget)"));
      props.put("Metrics", metrics);
      props.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
      props.put("Threshold", rate.factor());
      props.put("EvaluationPeriods", w.evaluationPeriods());
      props.put("DatapointsToAlarm", w.evaluationPeriods());
    } else {
      MinutesSli m = (MinutesSli) slo.sli();
      MinutesWindow w = minutesWindow(slo, rate, window);
      what = w.badMinutes() + " or more of the last " + w.minutes() + " minutes had " + m.metric().stat() + " "
          + m.metric().name() + " >= " + m.below().toPlainString() + " (burn rate " + rate.factor().toPlainString() + "x or more"
          + (w.truncated() ? "; the " + Durations.label(window) + " window is evaluated over its most recent 1d, the longest"
          + " 1-minute alarm range CloudWatch allows" : "") + ").";
      props.put("AlarmDescription", description(sloName(slo) + ": " + what + " Half of composite " + composite
          + ", which notifies; this alarm does not.", slo.runbook()));
      List<Object> metrics = new ArrayList<>();
      String sli = metricStats("sli", m.metric(), Duration.ofMinutes(1), metrics);
      metrics.add(expression("bad", badMinute(sli, m.below()), "1 when the minute's " + m.metric().stat() + " is "
          + m.below().toPlainString() + " or more"));
      props.put("Metrics", metrics);
      props.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
      props.put("Threshold", 1);
      props.put("EvaluationPeriods", w.minutes());
      props.put("DatapointsToAlarm", w.badMinutes());
    }
    props.put("TreatMissingData", "notBreaching");
    return new Planned(pascal(slo.id()) + pascal(rate.name()) + "Burn" + Durations.label(window), name, Kind.WINDOW,
        rate.severity(), slo.runbook(), slo.id(), slo.title() + ": " + rate.name() + " burn, " + Durations.label(window) + " window", props);
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
    return new Planned(pascal(slo.id()) + pascal(rate.name()) + "Burn", name, Kind.COMPOSITE, rate.severity(), slo.runbook(),
        slo.id(), slo.title() + ": " + rate.name() + " burn (" + Durations.label(rate.longWindow()) + " and "
        + Durations.label(rate.shortWindow()) + " at " + rate.factor().toPlainString() + "x)", props);
  }

  /** A ratio window: one datapoint of the whole window when it fits in a period (<= 1d), else whole days, all breaching. */
  record RatioWindow(Duration period, int evaluationPeriods) {}

  static RatioWindow ratioWindow(Duration window) {
    long s = window.getSeconds();
    if (s <= Durations.DAY) return new RatioWindow(window, 1);
    if (s % Durations.DAY != 0) throw new SpecException("window " + Durations.label(window) + " is longer than 1d and not whole days");
    long days = s / Durations.DAY;
    if (days > 7) throw new SpecException("window " + Durations.label(window) + " is longer than the 7 days CloudWatch can evaluate");
    return new RatioWindow(Duration.ofDays(1), (int) days);
  }

  /** A minutes window: N one-minute datapoints (at most 1440), alarm on M = ceil(factor x budget x N) bad ones. */
  record MinutesWindow(int minutes, int badMinutes, boolean truncated) {}

  MinutesWindow minutesWindow(Slo slo, BurnRate rate, Duration window) {
    long all = window.toMinutes();
    int n = (int) Math.min(all, CloudWatchLimits.MAX_MINUTES);
    BigDecimal exact = rate.factor().multiply(slo.budget()).multiply(BigDecimal.valueOf(n));
    int m = Math.max(1, exact.setScale(0, RoundingMode.CEILING).intValueExact());
    if (m > n) {
      throw new SpecException("SLO " + slo.id() + ": burn rate " + rate.factor().toPlainString() + "x of a "
          + slo.budget().toPlainString() + " budget needs more bad minutes than the " + Durations.label(window) + " window has");
    }
    return new MinutesWindow(n, m, all > CloudWatchLimits.MAX_MINUTES);
  }

  static String ratioBurn(String bad, String total, BigDecimal budget) {
    return "IF(" + total + " > 0, " + bad + " / " + total + ", 0) / " + budget.toPlainString();
  }

  /** {@code sli} is already non-sparse (FILL): a minute without traffic is a good minute. */
  static String badMinute(String sli, BigDecimal below) {
    return "IF(" + sli + " >= " + below.toPlainString() + ", 1, 0)";
  }

  // ------------------------------------------------------------------------------------------------------- signals

  private Planned signal(SignalAlarm a) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("AlarmName", Cfn.sub("${AlarmNamePrefix}-" + a.id()));
    String what = a.severity().name() + ": " + a.title() + ". " + a.description() + " Fires at " + a.threshold().toPlainString()
        + " or more in " + a.datapoints() + " of " + a.evaluationPeriods() + " periods of " + Durations.label(a.period()) + ".";
    props.put("AlarmDescription", description(what, a.runbook()));
    List<Object> metrics = new ArrayList<>();
    String sum = metricStats("m", a.metric(), a.period(), metrics);
    metrics.add(expression("value", sum, a.metric().stat() + " of " + a.metric().name()));
    props.put("Metrics", metrics);
    props.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
    props.put("Threshold", a.threshold());
    props.put("EvaluationPeriods", a.evaluationPeriods());
    props.put("DatapointsToAlarm", a.datapoints());
    props.put("TreatMissingData", "notBreaching");
    props.put("AlarmActions", List.of(topic(a.severity())));
    props.put("OKActions", List.of(topic(a.severity())));
    return new Planned(pascal(a.id()), a.id(), Kind.SIGNAL, a.severity(), a.runbook(), a.slo(), a.title(), props);
  }

  // ------------------------------------------------------------------------------------------------------- helpers

  /** "Redirect availability (SLO 99.95% over 30d)". */
  private String sloName(Slo slo) {
    return slo.title() + " (SLO " + slo.objective().toPlainString() + "% over " + Durations.label(spec.budgetPeriod()) + ")";
  }

  private static Cfn.Sub description(String text, String runbook) {
    return Cfn.sub(text + " Runbook: ${RunbookBaseUrl}" + runbook);
  }

  static Cfn.Ref topic(Severity severity) {
    return Cfn.ref(severity == Severity.PAGE ? "PageTopic" : "TicketTopic");
  }

  /**
   * Adds one MetricStat query per metric {@code ref} expands to (ids {@code prefix}, or {@code prefix1..n}) and
   * returns the expression that sums them, each missing datapoint read as 0.
   */
  private static String metricStats(String prefix, MetricRef ref, Duration period, List<Object> out) {
    List<Map<String, String>> expanded = ref.expand();
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < expanded.size(); i++) {
      String id = expanded.size() == 1 ? prefix : prefix + (i + 1);
      List<Object> dims = new ArrayList<>();
      expanded.get(i).forEach((k, v) -> dims.add(map("Name", k, "Value", dimensionValue(k, v))));
      Map<String, Object> metric = map("Namespace", ref.namespace(), "MetricName", ref.name(), "Dimensions", dims);
      out.add(map("Id", id, "ReturnData", false, "MetricStat", map("Metric", metric, "Period", (int) period.getSeconds(), "Stat", ref.stat())));
      terms.add("FILL(" + id + ", 0)");
    }
    return terms.size() == 1 ? terms.get(0) : "(" + String.join(" + ", terms) + ")";
  }

  private static Map<String, Object> expression(String id, String expression, String label) {
    return map("Id", id, "Label", label, "Expression", expression, "ReturnData", true);
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  static String pascal(String kebab) {
    StringBuilder b = new StringBuilder();
    for (String part : kebab.split("-")) {
      if (part.isEmpty()) continue;
      b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return b.toString();
  }
}
