package dev.linkpulse.ops.slo;

import static dev.linkpulse.ops.slo.Widgets.expr;
import static dev.linkpulse.ops.slo.Widgets.graph;
import static dev.linkpulse.ops.slo.Widgets.line;
import static dev.linkpulse.ops.slo.Widgets.rows;
import static dev.linkpulse.ops.slo.Widgets.single;

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
import java.util.List;
import java.util.Map;

/**
 * {@code dashboards/slo.json}: the notifying alarms, then one row per SLO: its error budget left, its burn rate over
 * each burn-rate pair's long window, and its burn per 5 minutes against the alarm thresholds.
 */
final class SloDashboard {
  private final AlarmPlan plan;
  private final SloSpec spec;
  private final Grid grid = new Grid();

  SloDashboard(AlarmPlan plan) {
    this.plan = plan;
    this.spec = plan.spec();
  }

  Map<String, Object> body() {
    grid.text(intro(), 2);
    alarms();
    for (Slo slo : spec.slos()) {
      if (slo.sli() instanceof RatioSli r) ratioRow(slo, r);
      else if (slo.sli() instanceof MinutesSli m) minutesRow(slo, m);
      else alarmsRow(slo, (AlarmsSli) slo.sli());
    }
    return grid.body("-PT24H");
  }

  private String intro() {
    StringBuilder intro = new StringBuilder("# Linkpulse SLOs\n")
        .append("Generated from `alarms/slos.yaml` by `./linkpulse slo render`. Error budget period: ")
        .append(Durations.label(spec.budgetPeriod())).append(". A burn rate of 1 spends the budget exactly over the period; ");
    List<String> pairs = new ArrayList<>();
    for (BurnRate r : spec.burnRates()) {
      pairs.add(r.severity().lower() + " at " + r.factor().toPlainString() + "x over " + Durations.label(r.longWindow())
          + " and " + Durations.label(r.shortWindow()));
    }
    return intro.append(String.join(", ", pairs)).append(".").toString();
  }

  /** The state of every alarm that notifies: composites and signals. */
  private void alarms() {
    List<String> arns = new ArrayList<>();
    for (Planned a : plan.alarms()) {
      if (a.kind() != Kind.WINDOW) arns.add("arn:aws:cloudwatch:" + Widgets.REGION + ":${AWS::AccountId}:alarm:${AlarmNamePrefix}-" + a.name());
    }
    int height = 2 + (arns.size() + 3) / 4;
    grid.add(0, Grid.WIDTH, height, Nodes.map("type", "alarm", "properties",
        Nodes.map("title", "Notifying alarms (composites and signals)", "alarms", arns)));
    grid.next(height);
  }

  private void ratioRow(Slo slo, RatioSli r) {
    header(slo, "SLI = 1 - " + r.bad().name() + " / " + r.total().name() + ". Burn rate = (bad / total) / "
        + slo.budget().toPlainString() + ".");
    List<Object> metrics = new ArrayList<>();
    String bad = rows("bad", r.bad(), metrics);
    String total = rows("total", r.total(), metrics);
    String burn = MetricMath.burn(bad, total, slo.budget());
    List<Object> budgetMetrics = new ArrayList<>(metrics);
    budgetMetrics.add(expr("100 * (1 - " + burn + ")", "budget left (%)", "left"));
    budgetMetrics.add(expr("100 * (1 - " + MetricMath.errorRate(bad, total) + ")", "SLI (%)", "sli"));
    grid.add(6, 6, 6, single("Error budget left, last " + Durations.label(spec.budgetPeriod()), budgetMetrics, spec.budgetPeriod(), true));
    int x = 12;
    for (Duration window : longWindows()) {
      List<Object> rate = new ArrayList<>(metrics);
      rate.add(expr(burn, "burn rate (x budget)", "burn"));
      grid.add(x, 4, 6, single("Burn rate, last " + Durations.label(window), rate, window, true));
      x += 4;
    }
    grid.next(6);
    List<Object> trend = new ArrayList<>(metrics);
    trend.add(expr(burn, "burn rate per 5 minutes", "burn"));
    grid.add(0, Grid.WIDTH, 6, graph(slo.title() + ": burn rate per 5 minutes", trend, 300, burnLines(), "x budget"));
    grid.next(6);
  }

  private void minutesRow(Slo slo, MinutesSli m) {
    MetricRef metric = m.metric();
    header(slo, "A minute is bad when its " + metric.stat() + " " + metric.name() + " is " + m.below().toPlainString()
        + " or more. Burn rate = (bad minutes / minutes) / " + slo.budget().toPlainString() + ".");
    List<Object> metrics = new ArrayList<>();
    String sli = rows("sli", metric, metrics);
    metrics.add(expr(MetricMath.badMinute(sli, m.below()), "bad minute", "bad", false));
    // 1-minute datapoints are kept 15 days: the budget of a minutes SLO is read over the last 14.
    Duration budgetWindow = spec.budgetPeriod().compareTo(Duration.ofDays(14)) > 0 ? Duration.ofDays(14) : spec.budgetPeriod();
    List<Object> budgetMetrics = new ArrayList<>(metrics);
    budgetMetrics.add(expr("100 * (1 - RUNNING_SUM(bad) / " + allowedMinutes(slo, budgetWindow) + ")", "budget left (%)", "left"));
    grid.add(6, 6, 6, single("Error budget left, last " + Durations.label(budgetWindow) + " (1-minute data is kept 15 days)",
        budgetMetrics, budgetWindow, false));
    int x = 12;
    for (Duration window : longWindows()) {
      List<Object> burn = new ArrayList<>(metrics);
      burn.add(expr("RUNNING_SUM(bad) / " + allowedMinutes(slo, window), "burn rate (x budget)", "burn"));
      grid.add(x, 4, 6, single("Burn rate, last " + Durations.label(window), burn, window, false));
      x += 4;
    }
    grid.next(6);
    List<Object> trend = new ArrayList<>();
    rows("sli", metric, trend, metric.stat() + " " + metric.name());
    grid.add(0, Grid.WIDTH, 6, graph(slo.title() + ": " + metric.stat() + " " + metric.name() + " per minute", trend, 60,
        List.of(line("a minute at or above this is bad", m.below())), null));
    grid.next(6);
  }

  /** How many bad minutes the budget allows over {@code window}. */
  private static String allowedMinutes(Slo slo, Duration window) {
    return slo.budget().multiply(BigDecimal.valueOf(window.toMinutes())).stripTrailingZeros().toPlainString();
  }

  private void alarmsRow(Slo slo, AlarmsSli sli) {
    header(slo, "Met while these alarms are OK: " + String.join(", ", sli.alarmIds()) + ".");
    List<Object> signals = new ArrayList<>();
    int i = 0;
    for (String id : sli.alarmIds()) {
      rows("s" + (++i), spec.alarm(id).metric(), signals, id);
    }
    grid.add(6, 6, 6, single("Now (last 5 minutes)", signals, Duration.ofMinutes(5), false));
    grid.add(12, 12, 6, graph(slo.title() + ": the signals behind it", signals, 300, List.of(line("objective: 0", 0)), null));
    grid.next(6);
  }

  private void header(Slo slo, String how) {
    String md = "## " + slo.title() + ": " + slo.objective().toPlainString() + "%\n" + slo.description() + "\n\n" + how
        + "\n\nRunbook: [" + slo.runbook() + "](${RunbookBaseUrl}" + slo.runbook() + ")";
    grid.add(0, 6, 6, Widgets.text(md));
  }

  private List<Duration> longWindows() {
    return spec.burnRates().stream().map(BurnRate::longWindow).distinct().toList();
  }

  private List<Object> burnLines() {
    List<Object> out = new ArrayList<>();
    for (BurnRate r : spec.burnRates()) out.add(line(r.name() + " burn (" + r.severity().lower() + ")", r.factor()));
    return out;
  }
}
