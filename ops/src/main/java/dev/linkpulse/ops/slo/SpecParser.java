package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.AlarmsSli;
import dev.linkpulse.ops.slo.SloSpec.BurnRate;
import dev.linkpulse.ops.slo.SloSpec.MetricRef;
import dev.linkpulse.ops.slo.SloSpec.MinutesSli;
import dev.linkpulse.ops.slo.SloSpec.Pipeline;
import dev.linkpulse.ops.slo.SloSpec.RatioSli;
import dev.linkpulse.ops.slo.SloSpec.SignalAlarm;
import dev.linkpulse.ops.slo.SloSpec.Sli;
import dev.linkpulse.ops.slo.SloSpec.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * slos.yaml's YAML tree into a {@link SloSpec}, entry by entry, with every rule the file must keep: known keys only,
 * unique ids, references that resolve, objectives that leave a budget, and the {@link CloudWatchLimits}.
 */
final class SpecParser {
  private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,254}");
  private static final Pattern RUNBOOK = Pattern.compile("[a-z0-9][a-z0-9-]*\\.md");
  private static final Pattern DATAPOINTS = Pattern.compile("(\\d+) of (\\d+)");
  private static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z0-9_.:/#-]{1,255}");
  private static final Pattern STAT = Pattern.compile("Sum|Average|Minimum|Maximum|SampleCount|p\\d{1,2}(\\.\\d+)?");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final SpecReader read;

  SpecParser(String source) {
    this.read = new SpecReader(source);
  }

  SloSpec spec(Object root) {
    Map<String, Object> top = read.map(root, "the top level");
    read.allowOnly(top, "the top level", "version", "namespace", "budgetPeriod", "runbookBaseUrl", "burnRates", "slos", "alarms", "pipeline");
    Object version = top.get("version");
    if (!"1".equals(String.valueOf(version))) read.fail("version must be 1, got '" + version + "'");
    String namespace = read.string(top, "namespace", "the top level");
    Duration budget = read.duration(top, "budgetPeriod", "the top level");
    if (budget.getSeconds() % Durations.DAY != 0) read.fail("budgetPeriod must be whole days, got '" + top.get("budgetPeriod") + "'");
    String baseUrl = read.string(top, "runbookBaseUrl", "the top level");
    if (!baseUrl.matches("https://\\S+/")) read.fail("runbookBaseUrl must be an https URL ending in '/', got '" + baseUrl + "'");

    List<BurnRate> burnRates = burnRates(read.list(top.get("burnRates"), "burnRates"), budget);
    Set<String> ids = new HashSet<>();
    List<SignalAlarm> alarms = alarms(top.containsKey("alarms") ? read.list(top.get("alarms"), "alarms") : List.of(), namespace, ids);
    List<Slo> slos = slos(read.list(top.get("slos"), "slos"), namespace, alarms, ids);
    for (SignalAlarm a : alarms) {
      if (a.slo() != null && slos.stream().noneMatch(s -> s.id().equals(a.slo()))) {
        read.fail("alarm '" + a.id() + "' names slo '" + a.slo() + "', which is not declared");
      }
    }
    return new SloSpec(namespace, budget, baseUrl, List.copyOf(burnRates), List.copyOf(slos), List.copyOf(alarms),
        pipeline(read.map(top.get("pipeline"), "pipeline")));
  }

  private List<BurnRate> burnRates(List<Object> rates, Duration budget) {
    if (rates.isEmpty()) read.fail("burnRates must list at least one window pair");
    List<BurnRate> burnRates = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rates.size(); i++) {
      String at = "burnRates[" + i + "]";
      Map<String, Object> r = read.map(rates.get(i), at);
      read.allowOnly(r, at, "name", "severity", "long", "short", "factor");
      String name = read.id(r, "name", at);
      if (!names.add(name)) read.fail(at + ".name '" + name + "' is used twice");
      Duration longW = read.duration(r, "long", at);
      Duration shortW = read.duration(r, "short", at);
      if (shortW.compareTo(longW) >= 0) read.fail(at + ": the short window must be shorter than the long one");
      if (longW.compareTo(budget) > 0) read.fail(at + ": the long window is longer than budgetPeriod");
      BigDecimal factor = read.positive(r, "factor", at);
      burnRates.add(new BurnRate(name, read.severity(r, at), longW, shortW, factor));
    }
    return burnRates;
  }

  /** @param ids the ids taken so far (alarms and SLOs share one name space); those of these alarms are added */
  private List<SignalAlarm> alarms(List<Object> list, String namespace, Set<String> ids) {
    List<SignalAlarm> alarms = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      SignalAlarm a = signal(read.map(list.get(i), "alarms[" + i + "]"), "alarms[" + i + "]", namespace);
      if (!ids.add(a.id())) read.fail("alarms[" + i + "].id '" + a.id() + "' is used twice");
      alarms.add(a);
    }
    return alarms;
  }

  private List<Slo> slos(List<Object> list, String namespace, List<SignalAlarm> alarms, Set<String> ids) {
    if (list.isEmpty()) read.fail("slos must declare at least one SLO");
    List<Slo> slos = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "slos[" + i + "]";
      Slo slo = slo(read.map(list.get(i), at), at, namespace, alarms);
      if (!ids.add(slo.id())) read.fail(at + ".id '" + slo.id() + "' is used twice (SLO and alarm ids share one name space)");
      slos.add(slo);
    }
    return slos;
  }

  private Pipeline pipeline(Map<String, Object> p) {
    read.allowOnly(p, "pipeline", "redirect", "recorder", "aggregator", "queue", "deadLetterQueues", "api");
    List<String> dlqs = read.list(p.get("deadLetterQueues"), "pipeline.deadLetterQueues").stream().map(String::valueOf).toList();
    for (String id : dlqs) read.logicalId(id, "pipeline.deadLetterQueues");
    return new Pipeline(read.logicalId(read.string(p, "redirect", "pipeline"), "pipeline.redirect"),
        read.logicalId(read.string(p, "recorder", "pipeline"), "pipeline.recorder"),
        read.logicalId(read.string(p, "aggregator", "pipeline"), "pipeline.aggregator"),
        read.logicalId(read.string(p, "queue", "pipeline"), "pipeline.queue"), dlqs,
        read.logicalId(read.string(p, "api", "pipeline"), "pipeline.api"));
  }

  private Slo slo(Map<String, Object> s, String at, String namespace, List<SignalAlarm> alarms) {
    read.allowOnly(s, at, "id", "title", "objective", "description", "sli", "runbook");
    String id = read.id(s, "id", at);
    at = at + " (" + id + ")";
    BigDecimal objective = read.decimal(s, "objective", at);
    if (objective.signum() <= 0 || objective.compareTo(HUNDRED) > 0) {
      read.fail(at + ".objective must be a percentage above 0 and at most 100, got " + objective.toPlainString());
    }
    Sli sli = sli(read.map(s.get("sli"), at + ".sli"), at, namespace, alarms);
    if (sli instanceof AlarmsSli && objective.compareTo(HUNDRED) != 0) {
      read.fail(at + ": an SLO measured by alarms is binary, its objective must be 100");
    }
    if (!(sli instanceof AlarmsSli) && objective.compareTo(HUNDRED) == 0) {
      read.fail(at + ".objective 100 leaves no error budget to burn; use sli.alarms for a must-never-happen objective");
    }
    String runbook = runbook(s, at, "redirect-availability.md");
    return new Slo(id, read.string(s, "title", at), objective.stripTrailingZeros(), read.string(s, "description", at), sli, runbook);
  }

  private Sli sli(Map<String, Object> sli, String at, String namespace, List<SignalAlarm> alarms) {
    if (sli.size() != 1) read.fail(at + ".sli must have exactly one of ratio, minutes, alarms");
    String kind = sli.keySet().iterator().next();
    return switch (kind) {
      case "ratio" -> {
        Map<String, Object> r = read.map(sli.get("ratio"), at + ".sli.ratio");
        read.allowOnly(r, at + ".sli.ratio", "bad", "total");
        MetricRef bad = metric(r.get("bad"), at + ".sli.ratio.bad", namespace, "Sum");
        MetricRef total = metric(r.get("total"), at + ".sli.ratio.total", namespace, "Sum");
        int count = bad.expand().size() + total.expand().size();
        if (count > CloudWatchLimits.MAX_METRICS_PER_ALARM) {
          read.fail(at + ".sli.ratio reads " + count + " metrics; a metric-math alarm may reference at most " + CloudWatchLimits.MAX_METRICS_PER_ALARM);
        }
        yield new RatioSli(bad, total);
      }
      case "minutes" -> {
        Map<String, Object> r = read.map(sli.get("minutes"), at + ".sli.minutes");
        read.allowOnly(r, at + ".sli.minutes", "metric", "below");
        MetricRef metric = metric(r.get("metric"), at + ".sli.minutes.metric", namespace, null);
        if (metric.expand().size() != 1) read.fail(at + ".sli.minutes.metric must be exactly one metric (percentiles of several cannot be combined)");
        yield new MinutesSli(metric, read.positive(r, "below", at + ".sli.minutes"));
      }
      case "alarms" -> {
        List<String> refs = read.list(sli.get("alarms"), at + ".sli.alarms").stream().map(String::valueOf).toList();
        if (refs.isEmpty()) read.fail(at + ".sli.alarms must name at least one alarm");
        for (String ref : refs) {
          if (alarms.stream().noneMatch(a -> a.id().equals(ref))) read.fail(at + ".sli.alarms names '" + ref + "', which is not in alarms");
        }
        yield new AlarmsSli(refs);
      }
      default -> throw read.fail(at + ".sli must be one of ratio, minutes, alarms, got '" + kind + "'");
    };
  }

  private SignalAlarm signal(Map<String, Object> a, String at, String namespace) {
    read.allowOnly(a, at, "id", "title", "severity", "description", "slo", "metric", "period", "threshold", "datapoints", "runbook");
    String id = read.id(a, "id", at);
    at = at + " (" + id + ")";
    MetricRef metric = metric(a.get("metric"), at + ".metric", namespace, null);
    int count = metric.expand().size();
    if (count > CloudWatchLimits.MAX_METRICS_PER_ALARM) {
      read.fail(at + " sums " + count + " metrics; a metric-math alarm may reference at most " + CloudWatchLimits.MAX_METRICS_PER_ALARM
          + " (split it in two)");
    }
    Duration period = read.duration(a, "period", at);
    String dp = read.string(a, "datapoints", at);
    var m = DATAPOINTS.matcher(dp);
    if (!m.matches()) read.fail(at + ".datapoints must read 'M of N', got '" + dp + "'");
    int datapoints = Integer.parseInt(m.group(1));
    int evaluation = Integer.parseInt(m.group(2));
    if (datapoints < 1 || datapoints > evaluation) read.fail(at + ".datapoints: M must be between 1 and N, got '" + dp + "'");
    CloudWatchLimits.checkEvaluationRange(period, evaluation, read.where(at));
    String runbook = runbook(a, at, "clicks-dlq-not-empty.md");
    String slo = a.containsKey("slo") ? read.id(a, "slo", at) : null;
    return new SignalAlarm(id, read.string(a, "title", at), read.severity(a, at), read.string(a, "description", at), slo, metric, period,
        threshold(a, at), datapoints, evaluation, runbook);
  }

  /** {@code threshold: 5} or {@code threshold: {parameter: Name}} (a template.yaml parameter, passed to the nested stack). */
  private SloSpec.Threshold threshold(Map<String, Object> a, String at) {
    if (!(a.get("threshold") instanceof Map)) return SloSpec.Threshold.of(read.decimal(a, "threshold", at));
    Map<String, Object> t = read.map(a.get("threshold"), at + ".threshold");
    read.allowOnly(t, at + ".threshold", "parameter");
    String name = read.string(t, "parameter", at + ".threshold");
    if (!PARAMETER.matcher(name).matches()) read.fail(at + ".threshold.parameter '" + name + "' is not a CloudFormation parameter name (letters and digits)");
    if (List.of("AlarmNamePrefix", "RunbookBaseUrl").contains(name)) read.fail(at + ".threshold.parameter '" + name + "' is one of the nested stack's own");
    return SloSpec.Threshold.parameter(name);
  }

  private String runbook(Map<String, Object> m, String at, String example) {
    String runbook = read.string(m, "runbook", at);
    if (!RUNBOOK.matcher(runbook).matches()) read.fail(at + ".runbook must be a file name like " + example + ", got '" + runbook + "'");
    return runbook;
  }

  private MetricRef metric(Object node, String at, String namespace, String defaultStat) {
    Map<String, Object> m = read.map(node, at);
    read.allowOnly(m, at, "namespace", "name", "service", "stat", "dimensions");
    String ns = m.containsKey("namespace") ? read.string(m, "namespace", at) : namespace;
    String name = read.string(m, "name", at);
    if (!METRIC_NAME.matcher(name).matches()) read.fail(at + ".name '" + name + "' is not a CloudWatch metric name");
    String stat = m.containsKey("stat") ? read.string(m, "stat", at) : defaultStat;
    if (stat == null) read.fail(at + ".stat is required (Sum, Maximum, p99, ...)");
    if (!STAT.matcher(stat).matches()) read.fail(at + ".stat must be Sum, Average, Minimum, Maximum, SampleCount or a percentile like p99, got '" + stat + "'");
    Map<String, Object> dims = new LinkedHashMap<>();
    if (m.containsKey("service")) dims.put("Service", read.string(m, "service", at));
    if (m.containsKey("dimensions")) dimensions(read.map(m.get("dimensions"), at + ".dimensions"), at, dims);
    if (dims.isEmpty()) read.fail(at + " needs service or dimensions (an undimensioned metric is almost never the one you mean)");
    return new MetricRef(ns, name, stat, dims);
  }

  /** At most one dimension may list several values (the alarm sums one metric per value); resource dimensions name logical ids. */
  private void dimensions(Map<String, Object> given, String at, Map<String, Object> dims) {
    int lists = 0;
    for (var e : given.entrySet()) {
      Object v = e.getValue();
      if (v instanceof List<?> l) {
        lists++;
        if (l.isEmpty()) read.fail(at + ".dimensions." + e.getKey() + " is an empty list");
        dims.put(e.getKey(), l.stream().map(String::valueOf).toList());
      } else if (v instanceof String || v instanceof Number) {
        dims.put(e.getKey(), String.valueOf(v));
      } else {
        read.fail(at + ".dimensions." + e.getKey() + " must be a value or a list of values");
      }
      if (SloSpec.RESOURCE_DIMENSIONS.containsKey(e.getKey())) {
        for (Object ref : v instanceof List<?> l ? l : List.of(v)) read.logicalId(String.valueOf(ref), at + ".dimensions." + e.getKey());
      }
    }
    if (lists > 1) read.fail(at + ".dimensions: at most one dimension may list several values");
  }
}
