package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/** Statistics as the CloudWatch concepts guide defines them, computed from what PutMetricData sent. */
class StatisticsTest extends CloudWatchFixture {
  private void put(MetricDatum.Builder datum) {
    client.putMetricData(r -> r.namespace("App").metricData(datum.metricName("Latency").dimensions(dim("Service", "web")).timestamp(now()).build()));
  }

  private Datapoint oneMinute(GetMetricStatisticsRequest.Builder request) {
    List<Datapoint> points = client.getMetricStatistics(request.namespace("App").metricName("Latency").dimensions(dim("Service", "web"))
        .startTime(START).endTime(START.plusSeconds(60)).period(60).build()).datapoints();
    assertThat(points).hasSize(1);
    return points.get(0);
  }

  @Test
  void valuesAndCounts_eachValueCountsAsManySamplesAsItsCount() {
    put(MetricDatum.builder().values(10.0, 20.0, 30.0).counts(1.0, 2.0, 1.0).unit(StandardUnit.MILLISECONDS));
    Datapoint d = oneMinute(GetMetricStatisticsRequest.builder().statistics(Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.AVERAGE, Statistic.MINIMUM, Statistic.MAXIMUM));
    assertThat(d.sum()).isEqualTo(80.0);
    assertThat(d.sampleCount()).isEqualTo(4.0);
    assertThat(d.average()).isEqualTo(20.0);
    assertThat(d.minimum()).isEqualTo(10.0);
    assertThat(d.maximum()).isEqualTo(30.0);
    assertThat(d.unit()).isEqualTo(StandardUnit.MILLISECONDS);
  }

  @Test
  void statisticSets_addTheirSumsCountsAndExtremes() {
    put(MetricDatum.builder().statisticValues(StatisticSet.builder().sampleCount(4.0).sum(100.0).minimum(5.0).maximum(60.0).build()));
    put(MetricDatum.builder().value(1.0));
    Datapoint d = oneMinute(GetMetricStatisticsRequest.builder().statistics(Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.MINIMUM, Statistic.MAXIMUM));
    assertThat(List.of(d.sum(), d.sampleCount(), d.minimum(), d.maximum())).containsExactly(101.0, 5.0, 1.0, 60.0);
  }

  @Test
  void percentiles_areTheNearestRankOfTheRawValues() {
    Double[] values = new Double[100];
    for (int i = 0; i < 100; i++) values[i] = i + 1.0;
    put(MetricDatum.builder().values(java.util.Arrays.copyOfRange(values, 0, 50)));
    put(MetricDatum.builder().values(java.util.Arrays.copyOfRange(values, 50, 100)));
    Datapoint d = oneMinute(GetMetricStatisticsRequest.builder().extendedStatistics("p50", "p90", "p99", "p99.5", "p100", "p0.5"));
    assertThat(d.extendedStatistics()).containsEntry("p50", 50.0).containsEntry("p90", 90.0).containsEntry("p99", 99.0)
        .containsEntry("p99.5", 100.0).containsEntry("p100", 100.0).containsEntry("p0.5", 1.0);
  }

  @Test
  void percentiles_ofStatisticSets_onlyWhenEachSetIsOneValue() {
    put(MetricDatum.builder().statisticValues(StatisticSet.builder().sampleCount(3.0).sum(30.0).minimum(10.0).maximum(10.0).build()));
    put(MetricDatum.builder().statisticValues(StatisticSet.builder().sampleCount(1.0).sum(50.0).minimum(50.0).maximum(50.0).build()));
    assertThat(oneMinute(GetMetricStatisticsRequest.builder().extendedStatistics("p50", "p90")).extendedStatistics())
        .containsEntry("p50", 10.0).containsEntry("p90", 50.0);
    put(MetricDatum.builder().statisticValues(StatisticSet.builder().sampleCount(2.0).sum(30.0).minimum(10.0).maximum(20.0).build()));
    assertThat(oneMinute(GetMetricStatisticsRequest.builder().extendedStatistics("p50")).extendedStatistics()).isEmpty();
  }

  @Test
  void percentiles_areUnavailableOnceAValueIsNegative() {
    put(MetricDatum.builder().values(-1.0, 5.0, 7.0));
    Datapoint d = oneMinute(GetMetricStatisticsRequest.builder().extendedStatistics("p50"));
    assertThat(d.extendedStatistics()).isEmpty();
  }

  @Test
  void dimensionsIdentifyTheMetric_inAnyOrder_andAnExtraDimensionIsAnotherMetric() {
    Instant t = now();
    client.putMetricData(r -> r.namespace("App").metricData(
        MetricDatum.builder().metricName("Hits").dimensions(dim("A", "1"), dim("B", "2")).value(1.0).timestamp(t).build(),
        MetricDatum.builder().metricName("Hits").dimensions(dim("B", "2"), dim("A", "1")).value(2.0).timestamp(t).build(),
        MetricDatum.builder().metricName("Hits").dimensions(dim("A", "1")).value(40.0).timestamp(t).build()));
    double both = client.getMetricStatistics(r -> r.namespace("App").metricName("Hits").dimensions(dim("B", "2"), dim("A", "1"))
        .startTime(START).endTime(START.plusSeconds(60)).period(60).statistics(Statistic.SUM)).datapoints().get(0).sum();
    double one = client.getMetricStatistics(r -> r.namespace("App").metricName("Hits").dimensions(dim("A", "1"))
        .startTime(START).endTime(START.plusSeconds(60)).period(60).statistics(Statistic.SUM)).datapoints().get(0).sum();
    assertThat(both).isEqualTo(3.0);
    assertThat(one).isEqualTo(40.0);
    assertThat(client.listMetrics(r -> r.namespace("App").metricName("Hits")).metrics()).hasSize(2);
  }

  @Test
  void unit_filtersTheDataReturned() {
    put(MetricDatum.builder().value(5.0).unit(StandardUnit.MILLISECONDS));
    put(MetricDatum.builder().value(2.0).unit(StandardUnit.SECONDS));
    assertThat(oneMinute(GetMetricStatisticsRequest.builder().statistics(Statistic.SUM).unit(StandardUnit.SECONDS)).sum()).isEqualTo(2.0);
    assertThat(oneMinute(GetMetricStatisticsRequest.builder().statistics(Statistic.SUM)).sum()).isEqualTo(7.0);
  }

  @Test
  void highResolutionData_answersOneSecondPeriods_standardDataDoesNot() {
    client.putMetricData(r -> r.namespace("App").metricData(
        MetricDatum.builder().metricName("Fast").value(1.0).storageResolution(1).timestamp(START.plusSeconds(1)).build(),
        MetricDatum.builder().metricName("Fast").value(2.0).storageResolution(1).timestamp(START.plusSeconds(12)).build(),
        MetricDatum.builder().metricName("Slow").value(3.0).timestamp(START.plusSeconds(12)).build()));
    timeline.advance(java.time.Duration.ofSeconds(30));
    var fast = client.getMetricStatistics(r -> r.namespace("App").metricName("Fast").startTime(START).endTime(START.plusSeconds(30))
        .period(10).statistics(Statistic.SUM)).datapoints();
    assertThat(fast).extracting(Datapoint::timestamp, Datapoint::sum)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(START, 1.0), org.assertj.core.groups.Tuple.tuple(START.plusSeconds(10), 2.0));
    var slow = client.getMetricStatistics(r -> r.namespace("App").metricName("Slow").startTime(START).endTime(START.plusSeconds(30))
        .period(10).statistics(Statistic.SUM)).datapoints();
    assertThat(slow).isEmpty();
  }
}
