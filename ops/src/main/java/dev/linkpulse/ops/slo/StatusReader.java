package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.AlarmPlan.Kind;
import dev.linkpulse.ops.slo.AlarmPlan.Planned;
import dev.linkpulse.ops.slo.SloSpec.AlarmsSli;
import dev.linkpulse.ops.slo.SloSpec.BurnRate;
import dev.linkpulse.ops.slo.SloSpec.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Reads an {@link SloStatus} from CloudWatch (AWS, or the local stack's): burn rates with GetMetricData
 * ({@link SloMeasures}), alarm states with DescribeAlarms over the stack's alarms ({@code <stack>-...}, the nested
 * stack's AlarmNamePrefix). An alarm belongs to the SLO it protects, as {@link AlarmPlan} names it.
 */
final class StatusReader {
  private final SloSpec spec;
  private final CloudWatchClient cloudWatch;
  private final String stack;

  StatusReader(SloSpec spec, CloudWatchClient cloudWatch, String stack) {
    this.spec = spec;
    this.cloudWatch = cloudWatch;
    this.stack = stack;
  }

  /** The windows of every burn-rate pair, shortest first. */
  static List<Duration> windows(SloSpec spec) {
    Set<Duration> all = new TreeSet<>();
    for (BurnRate r : spec.burnRates()) {
      all.add(r.shortWindow());
      all.add(r.longWindow());
    }
    return List.copyOf(all);
  }

  /** As of {@code at}, taken down to its minute (CloudWatch's periods are whole minutes). */
  SloStatus read(Instant at) {
    Instant end = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 60) * 60);
    Set<String> alarming = alarming();
    List<Planned> plan = AlarmPlan.of(spec).alarms();
    SloMeasures measures = new SloMeasures(cloudWatch);
    List<Duration> windows = windows(spec);
    List<SloStatus.Entry> entries = new ArrayList<>();
    for (Slo slo : spec.slos()) {
      boolean burns = !(slo.sli() instanceof AlarmsSli);
      Map<Duration, Double> burn = new LinkedHashMap<>();
      Double budgetLeft = null;
      if (burns) {
        for (Duration w : windows) burn.put(w, measures.burn(slo, w, end));
        Double spent = measures.burn(slo, spec.budgetPeriod(), end);
        budgetLeft = spent == null ? 1.0 : 1.0 - spent;
      }
      entries.add(new SloStatus.Entry(slo.id(), slo.title(), slo.objective(), kind(slo), budgetLeft, burn, inAlarm(slo, plan, alarming)));
    }
    return new SloStatus(stack, end, spec.budgetPeriod(), windows, entries, otherInAlarm(plan, alarming));
  }

  private static String kind(Slo slo) {
    if (slo.sli() instanceof SloSpec.RatioSli) return "ratio";
    return slo.sli() instanceof SloSpec.MinutesSli ? "minutes" : "alarms";
  }

  /** The SLO's alarms in ALARM: composites and signals first (they notify), then window alarms. */
  private List<SloStatus.Alarm> inAlarm(Slo slo, List<Planned> plan, Set<String> alarming) {
    Set<String> ids = new HashSet<>(slo.sli() instanceof AlarmsSli a ? a.alarmIds() : List.of());
    List<SloStatus.Alarm> out = new ArrayList<>();
    plan.stream().filter(p -> slo.id().equals(p.slo()) || (p.kind() == Kind.SIGNAL && ids.contains(p.name())))
        .sorted(Comparator.comparing((Planned p) -> p.kind() == Kind.WINDOW))
        .forEach(p -> {
          String name = stack + "-" + p.name();
          if (alarming.contains(name)) {
            out.add(new SloStatus.Alarm(name, p.kind() == Kind.WINDOW ? "none" : p.severity().lower(), "runbooks/" + p.runbook()));
          }
        });
    return out;
  }

  /** Signal alarms of no SLO (nor of an alarms SLO's list) in ALARM: they notify too, and must not be hidden. */
  private List<SloStatus.Alarm> otherInAlarm(List<Planned> plan, Set<String> alarming) {
    Set<String> listed = new HashSet<>();
    for (Slo slo : spec.slos()) if (slo.sli() instanceof AlarmsSli a) listed.addAll(a.alarmIds());
    return plan.stream().filter(p -> p.kind() == Kind.SIGNAL && p.slo() == null && !listed.contains(p.name()))
        .filter(p -> alarming.contains(stack + "-" + p.name()))
        .map(p -> new SloStatus.Alarm(stack + "-" + p.name(), p.severity().lower(), "runbooks/" + p.runbook())).toList();
  }

  /** Names of the stack's alarms, metric and composite, now in ALARM. */
  private Set<String> alarming() {
    Set<String> out = new HashSet<>();
    cloudWatch.describeAlarmsPaginator(r -> r.alarmNamePrefix(stack + "-").stateValue(StateValue.ALARM)
        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)).forEach(page -> {
          page.metricAlarms().forEach(a -> out.add(a.alarmName()));
          page.compositeAlarms().forEach(a -> out.add(a.alarmName()));
        });
    return out;
  }
}
