package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** GetMetricStatistics and GetMetricData aggregate by period from the (rounded) start time; empty periods are absent. */
class PeriodAggregationTest extends CloudWatchFixture {
  private void minutes(double... values) {
    for (int i = 0; i < values.length; i++) if (values[i] >= 0) putErrors(values[i], START.plusSeconds(60L * i + 5));
    advance(Duration.ofMinutes(values.length));
  }

  private MetricDataQuery errors(String id, int period, String stat) {
    return MetricDataQuery.builder().id(id).metricStat(MetricStat.builder().metric(Metric.builder().namespace("App").metricName("Errors")
        .dimensions(dim("Service", "web")).build()).period(period).stat(stat).build()).build();
  }

  @Test
  void periodsStartAtTheStartTime_andOnlyPeriodsWithDataAreReturned() {
    minutes(1, 2, 3, 4, -1, -1, 7);
    List<Datapoint> points = client.getMetricStatistics(r -> r.namespace("App").metricName("Errors").dimensions(dim("Service", "web"))
        .startTime(START).endTime(START.plusSeconds(420)).period(180).statistics(Statistic.SUM, Statistic.MAXIMUM)).datapoints();
    assertThat(points).extracting(Datapoint::timestamp, Datapoint::sum, Datapoint::maximum).containsExactly(
        org.assertj.core.groups.Tuple.tuple(START, 6.0, 3.0), org.assertj.core.groups.Tuple.tuple(START.plusSeconds(180), 4.0, 4.0),
        org.assertj.core.groups.Tuple.tuple(START.plusSeconds(360), 7.0, 7.0));
  }

  @Test
  void startTimeIsRoundedDownToTheMinute() {
    minutes(1, 2);
    List<Datapoint> points = client.getMetricStatistics(r -> r.namespace("App").metricName("Errors").dimensions(dim("Service", "web"))
        .startTime(START.plusSeconds(34)).endTime(START.plusSeconds(120)).period(60).statistics(Statistic.SUM)).datapoints();
    assertThat(points).extracting(Datapoint::timestamp).containsExactly(START, START.plusSeconds(60));
  }

  @Test
  void getMetricData_returnsNewestFirst_unlessScanByAscending() {
    minutes(1, 2, 3);
    GetMetricDataResponse desc = client.getMetricData(r -> r.startTime(START).endTime(now()).metricDataQueries(errors("e", 60, "Sum")));
    assertThat(desc.metricDataResults().get(0).values()).containsExactly(3.0, 2.0, 1.0);
    assertThat(desc.metricDataResults().get(0).timestamps()).containsExactly(START.plusSeconds(120), START.plusSeconds(60), START);
    GetMetricDataResponse asc = client.getMetricData(r -> r.startTime(START).endTime(now()).scanBy(ScanBy.TIMESTAMP_ASCENDING)
        .metricDataQueries(errors("e", 120, "Sum")));
    assertThat(asc.metricDataResults().get(0).values()).containsExactly(3.0, 3.0);
    assertThat(asc.metricDataResults().get(0).label()).isEqualTo("Errors");
  }

  @Test
  void getMetricData_pagesWithMaxDatapointsAndNextToken() {
    minutes(1, 2, 3, 4, 5);
    GetMetricDataResponse first = client.getMetricData(r -> r.startTime(START).endTime(now()).maxDatapoints(3).metricDataQueries(errors("e", 60, "Sum")));
    assertThat(first.metricDataResults().get(0).values()).containsExactly(5.0, 4.0, 3.0);
    assertThat(first.metricDataResults().get(0).statusCodeAsString()).isEqualTo("PartialData");
    GetMetricDataResponse second = client.getMetricData(r -> r.startTime(START).endTime(now()).maxDatapoints(3).nextToken(first.nextToken())
        .metricDataQueries(errors("e", 60, "Sum")));
    assertThat(second.metricDataResults().get(0).values()).containsExactly(2.0, 1.0);
    assertThat(second.nextToken()).isNull();
    assertThatThrownBy(() -> client.getMetricData(r -> r.startTime(START).endTime(now()).nextToken("bogus").metricDataQueries(errors("e", 60, "Sum"))))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
  }

  @Test
  void getMetricData_expressionsAndMetricsTogether() {
    minutes(1, 2, 3);
    GetMetricDataResponse r = client.getMetricData(b -> b.startTime(START).endTime(now()).scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(
        errors("e", 60, "Sum").toBuilder().returnData(false).build(),
        MetricDataQuery.builder().id("doubled").expression("e * 2").label("twice").build(),
        MetricDataQuery.builder().id("total").expression("RUNNING_SUM(e)").build()));
    assertThat(r.metricDataResults()).extracting(x -> x.id() + "/" + x.label() + "=" + x.values())
        .containsExactly("doubled/twice=[2.0, 4.0, 6.0]", "total/total=[1.0, 3.0, 6.0]");
  }

  @Test
  void getMetricStatistics_refusesMoreThan1440Datapoints() {
    assertThatThrownBy(() -> client.getMetricStatistics(r -> r.namespace("App").metricName("Errors").startTime(START.minusSeconds(86_400 * 2))
        .endTime(START).period(60).statistics(Statistic.SUM)))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
          assertThat(e.getMessage()).contains("exceeds the limit of 1440");
        });
  }
}
