package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.AlarmPlan.Kind;
import dev.linkpulse.ops.slo.AlarmPlan.Planned;
import dev.linkpulse.ops.slo.SloSpec.AlarmsSli;
import dev.linkpulse.ops.slo.SloSpec.BurnRate;
import dev.linkpulse.ops.slo.SloSpec.MetricRef;
import dev.linkpulse.ops.slo.SloSpec.MinutesSli;
import dev.linkpulse.ops.slo.SloSpec.RatioSli;
import dev.linkpulse.ops.slo.SloSpec.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dashboards/slo.json} and {@code dashboards/pipeline.json}: CloudWatch dashboard bodies. Physical names are
 * {@code ${Parameter}} placeholders, which the nested stack fills with {@code Fn::Sub}; to load a body by hand,
 * replace them first (alarms/README.md).
 */
final class Dashboards {
  private static final String REGION = "${AWS::Region}";
  private static final int WIDTH = 24;

  private final AlarmPlan plan;
  private final SloSpec spec;
  private final List<Object> widgets = new ArrayList<>();
  private int y;

  private Dashboards(AlarmPlan plan) {
    this.plan = plan;
    this.spec = plan.spec();
  }

  /** File name (under dashboards/) to body, in a fixed order. */
  static Map<String, String> render(AlarmPlan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("slo.json", JsonWriter.write(new Dashboards(plan).slo()));
    out.put("pipeline.json", JsonWriter.write(new Dashboards(plan).pipeline()));
    return out;
  }

  // ------------------------------------------------------------------------------------------------ SLO dashboard

  private Map<String, Object> slo() {
    StringBuilder intro = new StringBuilder("# Linkpulse SLOs\n")
        .append("Generated from `alarms/slos.yaml` by `./linkpulse slo render`. Error budget period: ")
        .append(Durations.label(spec.budgetPeriod())).append(". A burn rate of 1 spends the budget exactly over the period; ");
    List<String> pairs = new ArrayList<>();
    for (BurnRate r : spec.burnRates()) {
      pairs.add(r.severity().lower() + " at " + r.factor().toPlainString() + "x over " + Durations.label(r.longWindow())
          + " and " + Durations.label(r.shortWindow()));
    }
    intro.append(String.join(", ", pairs)).append(".");
    text(intro.toString(), 2);

    List<String> arns = new ArrayList<>();
    for (Planned a : plan.alarms()) {
      if (a.kind() != Kind.WINDOW) arns.add("arn:aws:cloudwatch:" + REGION + ":${AWS::AccountId}:alarm:${AlarmNamePrefix}-" + a.name());
    }
    int alarmHeight = 2 + (arns.size() + 3) / 4;
    add(0, WIDTH, alarmHeight, AlarmPlan.map("type", "alarm", "properties",
        AlarmPlan.map("title", "Notifying alarms (composites and signals)", "alarms", arns)));
    y += alarmHeight;

    for (Slo slo : spec.slos()) {
      if (slo.sli() instanceof RatioSli r) ratioRow(slo, r);
      else if (slo.sli() instanceof MinutesSli m) minutesRow(slo, m);
      else alarmsRow(slo, (AlarmsSli) slo.sli());
    }
    return body("-PT24H");
  }

  private void ratioRow(Slo slo, RatioSli r) {
    header(slo, "SLI = 1 - " + r.bad().name() + " / " + r.total().name() + ". Burn rate = (bad / total) / "
        + slo.budget().toPlainString() + ".");
    String budget = slo.budget().toPlainString();
    List<Object> metrics = new ArrayList<>();
    String bad = rows("bad", r.bad(), metrics);
    String total = rows("total", r.total(), metrics);
    String ratio = "IF(" + total + " > 0, " + bad + " / " + total + ", 0)";
    List<Object> budgetMetrics = new ArrayList<>(metrics);
    budgetMetrics.add(expr("100 * (1 - " + ratio + " / " + budget + ")", "budget left (%)", "left"));
    budgetMetrics.add(expr("100 * (1 - " + ratio + ")", "SLI (%)", "sli"));
    add(6, 6, 6, single("Error budget left, last " + Durations.label(spec.budgetPeriod()), budgetMetrics, spec.budgetPeriod(), true));
    int x = 12;
    for (Duration window : longWindows()) {
      List<Object> burn = new ArrayList<>(metrics);
      burn.add(expr(ratio + " / " + budget, "burn rate (x budget)", "burn"));
      add(x, 4, 6, single("Burn rate, last " + Durations.label(window), burn, window, true));
      x += 4;
    }
    y += 6;
    List<Object> trend = new ArrayList<>(metrics);
    trend.add(expr(ratio + " / " + budget, "burn rate per 5 minutes", "burn"));
    add(0, WIDTH, 6, graph(slo.title() + ": burn rate per 5 minutes", trend, 300, burnAnnotations(), "x budget"));
    y += 6;
  }

  private void minutesRow(Slo slo, MinutesSli m) {
    MetricRef metric = m.metric();
    String below = m.below().toPlainString();
    header(slo, "A minute is bad when its " + metric.stat() + " " + metric.name() + " is " + below + " or more. Burn rate = "
        + "(bad minutes / minutes) / " + slo.budget().toPlainString() + ".");
    List<Object> metrics = new ArrayList<>();
    String sli = rows("sli", metric, metrics);
    metrics.add(expr("IF(" + sli + " >= " + below + ", 1, 0)", "bad minute", "bad", false));
    // 1-minute datapoints are kept 15 days: the budget of a minutes SLO is read over the last 14.
    Duration budgetWindow = spec.budgetPeriod().compareTo(Duration.ofDays(14)) > 0 ? Duration.ofDays(14) : spec.budgetPeriod();
    BigDecimal allowed = slo.budget().multiply(BigDecimal.valueOf(budgetWindow.toMinutes())).stripTrailingZeros();
    List<Object> budgetMetrics = new ArrayList<>(metrics);
    budgetMetrics.add(expr("100 * (1 - RUNNING_SUM(bad) / " + allowed.toPlainString() + ")", "budget left (%)", "left"));
    add(6, 6, 6, single("Error budget left, last " + Durations.label(budgetWindow) + " (1-minute data is kept 15 days)",
        budgetMetrics, budgetWindow, false));
    int x = 12;
    for (Duration window : longWindows()) {
      BigDecimal scale = slo.budget().multiply(BigDecimal.valueOf(window.toMinutes())).stripTrailingZeros();
      List<Object> burn = new ArrayList<>(metrics);
      burn.add(expr("RUNNING_SUM(bad) / " + scale.toPlainString(), "burn rate (x budget)", "burn"));
      add(x, 4, 6, single("Burn rate, last " + Durations.label(window), burn, window, false));
      x += 4;
    }
    y += 6;
    List<Object> trend = new ArrayList<>();
    rows("sli", metric, trend, metric.stat() + " " + metric.name());
    add(0, WIDTH, 6, graph(slo.title() + ": " + metric.stat() + " " + metric.name() + " per minute", trend, 60,
        List.of(AlarmPlan.map("label", "a minute at or above this is bad", "value", m.below())), null));
    y += 6;
  }

  private void alarmsRow(Slo slo, AlarmsSli sli) {
    header(slo, "Met while these alarms are OK: " + String.join(", ", sli.alarmIds()) + ".");
    List<Object> signals = new ArrayList<>();
    int i = 0;
    for (String id : sli.alarmIds()) {
      rows("s" + (++i), spec.alarm(id).metric(), signals, id);
    }
    add(6, 6, 6, single("Now (last 5 minutes)", signals, Duration.ofMinutes(5), false));
    add(12, 12, 6, graph(slo.title() + ": the signals behind it", signals, 300,
        List.of(AlarmPlan.map("label", "objective: 0", "value", 0)), null));
    y += 6;
  }

  private void header(Slo slo, String how) {
    String md = "## " + slo.title() + ": " + slo.objective().toPlainString() + "%\n" + slo.description() + "\n\n" + how
        + "\n\nRunbook: [" + slo.runbook() + "](${RunbookBaseUrl}" + slo.runbook() + ")";
    add(0, 6, 6, AlarmPlan.map("type", "text", "properties", AlarmPlan.map("markdown", md)));
  }

  private List<Duration> longWindows() {
    return spec.burnRates().stream().map(BurnRate::longWindow).distinct().toList();
  }

  private List<Object> burnAnnotations() {
    List<Object> out = new ArrayList<>();
    for (BurnRate r : spec.burnRates()) {
      out.add(AlarmPlan.map("label", r.name() + " burn (" + r.severity().lower() + ")", "value", r.factor()));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- pipeline dashboard

  private Map<String, Object> pipeline() {
    SloSpec.Pipeline p = spec.pipeline();
    String ns = spec.namespace();
    text("# Linkpulse click pipeline\nA click: redirect -> EventBridge -> `" + p.queue() + "` -> recorder -> raw click -> "
        + "DynamoDB stream -> aggregator -> counters. Failures park in " + String.join(" and ", p.deadLetterQueues().stream()
        .map(q -> "`" + q + "`").toList()) + ". Generated from `alarms/slos.yaml` by `./linkpulse slo render`.", 2);

    String redirect = fn(p.redirect());
    String recorder = fn(p.recorder());
    String aggregator = fn(p.aggregator());
    String queue = "${" + p.queue() + "Name}";

    List<Object> flow = List.of(
        row(ns, "Requests", List.of("Service", "redirect"), opts("Sum", "redirects")),
        row("AWS/SQS", "NumberOfMessagesSent", List.of("QueueName", queue), opts("Sum", "queued (events in)")),
        row(ns, "ClicksRecorded", List.of("Service", "recorder"), opts("Sum", "recorded")),
        row(ns, "ClicksAggregated", List.of("Service", "aggregator"), opts("Sum", "aggregated")),
        row(ns, "ClickPublishFailed", List.of("Service", "redirect"), opts("Sum", "publish failed (lost)")));
    add(0, 12, 6, graph("Clicks through the pipeline, per minute", flow, 60, List.of(), "clicks"));
    List<Object> lag = List.of(
        row(ns, "ClickAgeMax", List.of("Service", "aggregator"), opts("Maximum", "click age when counted (max)")),
        row("AWS/Lambda", "IteratorAge", List.of("FunctionName", aggregator), opts("Maximum", "stream iterator age (max)")),
        row("AWS/SQS", "ApproximateAgeOfOldestMessage", List.of("QueueName", queue), withId(opts("Maximum", null), "oldest", false)),
        expr("oldest * 1000", "oldest queued click", "oldestMs"));
    add(12, 12, 6, graph("Lag (ms)", lag, 60, List.of(AlarmPlan.map("label", "freshness objective (60 s)", "value", 60000)), "ms"));
    y += 6;

    List<Object> recorded = new ArrayList<>();
    for (String m : List.of("ClicksRecorded", "ClicksInvalid", "ClicksFailed", "BotClicks", "DuplicateDeliveries")) {
      recorded.add(row(ns, m, List.of("Service", "recorder"), opts("Sum", m)));
    }
    add(0, 12, 6, graph("Recorder: outcomes per minute", recorded, 60, List.of(), "clicks"));
    List<Object> aggregated = new ArrayList<>();
    for (String m : List.of("ClicksAggregated", "ReplaysSkipped", "CounterWrites", "ClicksLate")) {
      aggregated.add(row(ns, m, List.of("Service", "aggregator"), opts("Sum", m)));
    }
    add(12, 12, 6, graph("Aggregator: outcomes per minute", aggregated, 60, List.of(), "count"));
    y += 6;

    List<Object> dlq = new ArrayList<>();
    for (String q : p.deadLetterQueues()) {
      dlq.add(row("AWS/SQS", "ApproximateNumberOfMessagesVisible", List.of("QueueName", "${" + q + "Name}"), opts("Maximum", q)));
    }
    add(0, 12, 6, graph("Dead-letter queue depth (objective: 0)", dlq, 60, List.of(AlarmPlan.map("label", "objective", "value", 0)), "messages"));
    List<Object> backlog = List.of(
        row("AWS/SQS", "ApproximateNumberOfMessagesVisible", List.of("QueueName", queue), opts("Maximum", "waiting")),
        row("AWS/SQS", "ApproximateNumberOfMessagesNotVisible", List.of("QueueName", queue), opts("Maximum", "in flight")));
    add(12, 12, 6, graph(p.queue() + ": backlog", backlog, 60, List.of(), "messages"));
    y += 6;

    List<Object> errors = new ArrayList<>();
    List<Object> throttles = new ArrayList<>();
    for (String f : List.of(p.redirect(), p.recorder(), p.aggregator())) {
      errors.add(row("AWS/Lambda", "Errors", List.of("FunctionName", fn(f)), opts("Sum", f)));
      throttles.add(row("AWS/Lambda", "Throttles", List.of("FunctionName", fn(f)), opts("Sum", f)));
    }
    add(0, 12, 6, graph("Function errors per minute", errors, 60, List.of(), "errors"));
    add(12, 12, 6, graph("Function throttles per minute", throttles, 60, List.of(), "throttles"));
    y += 6;

    String api = "${" + p.api() + "Id}";
    List<Object> http = new ArrayList<>();
    for (String m : List.of("Count", "4xx", "5xx")) http.add(row("AWS/ApiGateway", m, List.of("ApiId", api), opts("Sum", m)));
    add(0, 12, 6, graph("HTTP API: requests and errors per minute", http, 60, List.of(), "requests"));
    List<Object> latency = List.of(
        row(ns, "Latency", List.of("Service", "redirect"), opts("p50", "redirect p50 (function)")),
        row(ns, "Latency", List.of("Service", "redirect"), opts("p99", "redirect p99 (function)")),
        row("AWS/ApiGateway", "Latency", List.of("ApiId", api), opts("p99", "HTTP API p99 (all routes)")));
    add(12, 12, 6, graph("Latency (ms)", latency, 60, List.of(AlarmPlan.map("label", "redirect p99 objective", "value", 100)), "ms"));
    y += 6;
    return body("-PT3H");
  }

  private static String fn(String logicalId) {
    return "${" + logicalId + "Name}";
  }

  // ---------------------------------------------------------------------------------------------------- widgets

  private Map<String, Object> body(String start) {
    return AlarmPlan.map("start", start, "periodOverride", "inherit", "widgets", widgets);
  }

  private void text(String markdown, int height) {
    add(0, WIDTH, height, AlarmPlan.map("type", "text", "properties", AlarmPlan.map("markdown", markdown)));
    y += height;
  }

  private void add(int x, int width, int height, Map<String, Object> widget) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("type", widget.get("type"));
    w.put("x", x);
    w.put("y", y);
    w.put("width", width);
    w.put("height", height);
    w.put("properties", widget.get("properties"));
    widgets.add(w);
  }

  /** A single-value widget over the last {@code window}; {@code wholeRange}: one datapoint for the whole range. */
  private static Map<String, Object> single(String title, List<Object> metrics, Duration window, boolean wholeRange) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("title", title);
    props.put("view", "singleValue");
    props.put("region", REGION);
    props.put("metrics", metrics);
    props.put("start", "-" + Durations.iso(window));
    if (wholeRange) props.put("setPeriodToTimeRange", true);
    else props.put("period", 60);
    return AlarmPlan.map("type", "metric", "properties", props);
  }

  private static Map<String, Object> graph(String title, List<Object> metrics, int period, List<Object> annotations, String unit) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("title", title);
    props.put("view", "timeSeries");
    props.put("region", REGION);
    props.put("period", period);
    props.put("metrics", metrics);
    if (!annotations.isEmpty()) props.put("annotations", AlarmPlan.map("horizontal", annotations));
    props.put("yAxis", AlarmPlan.map("left", unit == null ? AlarmPlan.map("min", 0) : AlarmPlan.map("label", unit, "min", 0)));
    return AlarmPlan.map("type", "metric", "properties", props);
  }

  /**
   * Adds the metric rows {@code ref} expands to (hidden; ids {@code prefix} or {@code prefix1..n}) and returns the
   * expression summing them with missing datapoints as 0.
   */
  private static String rows(String prefix, MetricRef ref, List<Object> out) {
    return rows(prefix, ref, out, null);
  }

  /** As above; with a {@code label} the rows are visible and carry it. */
  private static String rows(String prefix, MetricRef ref, List<Object> out, String label) {
    List<Map<String, String>> expanded = ref.expand();
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < expanded.size(); i++) {
      String id = expanded.size() == 1 ? prefix : prefix + (i + 1);
      List<String> dims = new ArrayList<>();
      expanded.get(i).forEach((k, v) -> {
        dims.add(k);
        dims.add(SloSpec.RESOURCE_DIMENSIONS.containsKey(k) ? "${" + v + SloSpec.RESOURCE_DIMENSIONS.get(k) + "}" : v);
      });
      String base = label == null ? ref.name() : label;
      Map<String, Object> o = opts(ref.stat(), base + (expanded.size() == 1 ? "" : " " + String.join("/", expanded.get(i).values())));
      out.add(row(ref.namespace(), ref.name(), dims, withId(o, id, label != null)));
      terms.add("FILL(" + id + ", 0)");
    }
    return terms.size() == 1 ? terms.get(0) : "(" + String.join(" + ", terms) + ")";
  }

  private static List<Object> row(String namespace, String name, List<String> dims, Map<String, Object> options) {
    List<Object> row = new ArrayList<>();
    row.add(namespace);
    row.add(name);
    row.addAll(dims);
    row.add(options);
    return row;
  }

  private static Map<String, Object> opts(String stat, String label) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("stat", stat);
    if (label != null) o.put("label", label);
    return o;
  }

  private static Map<String, Object> withId(Map<String, Object> options, String id, boolean visible) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", id);
    o.putAll(options);
    if (!visible) o.put("visible", false);
    return o;
  }

  private static List<Object> expr(String expression, String label, String id) {
    return expr(expression, label, id, true);
  }

  private static List<Object> expr(String expression, String label, String id, boolean visible) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("expression", expression);
    o.put("label", label);
    o.put("id", id);
    if (!visible) o.put("visible", false);
    return List.of(o);
  }
}
