package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.MetricRef;
import dev.linkpulse.ops.slo.SloSpec.MinutesSli;
import dev.linkpulse.ops.slo.SloSpec.RatioSli;
import dev.linkpulse.ops.slo.SloSpec.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * An SLO's burn rate over a window ending at an instant, read with GetMetricData the way its alarms read it: a ratio
 * SLI sums bad and total over the whole window (one period as long as the window); a minutes SLI counts the minutes
 * whose statistic reached the threshold, a minute without data being a good one (the alarms FILL it so).
 */
final class SloMeasures {
  private final CloudWatchClient cloudWatch;

  SloMeasures(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** The burn rate of {@code slo} over the {@code window} before {@code end}, or null when a ratio saw no traffic. */
  Double burn(Slo slo, Duration window, Instant end) {
    double budget = slo.budget().doubleValue();
    if (slo.sli() instanceof RatioSli r) {
      double bad = sum(r.bad(), window, end, "bad");
      double total = sum(r.total(), window, end, "total");
      return total > 0 ? bad / total / budget : null;
    }
    MinutesSli m = (MinutesSli) slo.sli();
    double threshold = m.below().doubleValue();
    long badMinutes = values(queries(m.metric(), Duration.ofMinutes(1), "sli"), window, end).stream().filter(v -> v >= threshold).count();
    return badMinutes / (double) window.toMinutes() / budget;
  }

  private double sum(MetricRef ref, Duration window, Instant end, String prefix) {
    return values(queries(ref, window, prefix), window, end).stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Every value every query returned over [end - window, end), all pages. */
  private List<Double> values(List<MetricDataQuery> queries, Duration window, Instant end) {
    GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(queries)
        .startTime(end.minus(window)).endTime(end).build();
    List<Double> out = new ArrayList<>();
    cloudWatch.getMetricDataPaginator(request).forEach(page -> {
      for (MetricDataResult r : page.metricDataResults()) out.addAll(r.values());
    });
    return out;
  }

  /** One MetricStat query per metric {@code ref} expands to, each with {@code period}. */
  private static List<MetricDataQuery> queries(MetricRef ref, Duration period, String prefix) {
    List<MetricDataQuery> out = new ArrayList<>();
    MetricMath.sum(prefix, ref, (id, dims) -> out.add(MetricDataQuery.builder().id(id).returnData(true)
        .metricStat(s -> s.period((int) period.getSeconds()).stat(ref.stat()).metric(metric -> metric.namespace(ref.namespace())
            .metricName(ref.name()).dimensions(dimensions(dims)))).build()));
    return out;
  }

  private static List<Dimension> dimensions(Map<String, String> dims) {
    return dims.entrySet().stream().map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();
  }
}
