package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.cloudwatch.MissingDataRule.Decision;
import dev.linkpulse.emulators.cloudwatch.MissingDataRule.Slot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Evaluates one metric alarm at one instant. The evaluation range is the last N + 2 periods ending at the
 * evaluation time (the user guide's example fetches 5 datapoints for N = 3); windows slide with the minute, so a
 * 1-hour period always covers the last hour. The range's datapoints go through {@link MissingDataRule}.
 */
final class MetricAlarmEvaluator {
  /** Extra periods fetched beyond EvaluationPeriods. */
  static final int EXTRA_PERIODS = 2;

  /** The next state (null: keep the current one) and why; the why is only written when the state changes. */
  record Verdict(StateValue state, Supplier<String> reason, Supplier<String> reasonData) {}

  private final MetricStore store;
  private final MetricQueries queries;

  MetricAlarmEvaluator(MetricStore store) {
    this.store = store;
    this.queries = new MetricQueries(store);
  }

  Verdict evaluate(MetricAlarm alarm, Instant now) {
    long period = alarm.evaluationPeriod();
    long end = evaluationTime(now, period);
    int range = alarm.evaluationPeriods() + EXTRA_PERIODS;
    long start = end - range * period;
    Map<Long, Double> sampleCounts = new HashMap<>();
    NavigableMap<Long, Double> points;
    if (alarm.isMath()) {
      MetricQueries.Result result = queries.run(alarm.metrics(), start, end).get(0);
      points = result.series().get(0).points();
    } else {
      MetricQuery.MetricStat stat = alarm.queries().get(0).metricStat();
      points = new TreeMap<>();
      NavigableMap<Long, Double> values = points;
      store.aggregate(stat.metric(), stat.unit(), start, end, period, stat.stat().kind() == Statistic.Kind.PERCENTILE).forEach((t, a) -> {
        Double v = stat.stat().of(a);
        if (v == null) return;
        values.put(t, v);
        sampleCounts.put(t, a.count());
      });
    }
    List<Slot> slots = new ArrayList<>();
    for (long t = start; t < end; t += period) slots.add(new Slot(t, points.get(t)));
    if (lowSamples(alarm, slots, sampleCounts)) {
      return new Verdict(null, () -> "Evaluation skipped: too few samples", () -> null);
    }
    Decision d = MissingDataRule.decide(slots, alarm.evaluationPeriods(), alarm.datapointsToAlarm(),
        v -> alarm.comparison().breaches(v, alarm.threshold()), alarm.effectiveTreatMissingData());
    return new Verdict(d.state(), () -> StateReasons.threshold(alarm, d, range),
        () -> StateReasons.thresholdData(alarm, d, now, start, sampleCounts));
  }

  /** Windows end on a whole minute (on 10 s for high-resolution alarms, whose periods are under a minute). */
  static long evaluationTime(Instant now, long period) {
    long step = period < 60 ? 10 : 60;
    return Math.floorDiv(now.getEpochSecond(), step) * step;
  }

  /** EvaluateLowSampleCountPercentile=ignore: the newest datapoint has too few samples for the percentile. */
  private static boolean lowSamples(MetricAlarm alarm, List<Slot> slots, Map<Long, Double> sampleCounts) {
    if (alarm.isMath() || !"ignore".equals(alarm.evaluateLowSampleCountPercentile())) return false;
    Statistic stat = Statistic.parse(alarm.statistic());
    for (int i = slots.size() - 1; i >= 0; i--) {
      Double samples = sampleCounts.get(slots.get(i).timestamp());
      if (samples != null) return stat.lowSampleCount(samples);
    }
    return false;
  }
}
