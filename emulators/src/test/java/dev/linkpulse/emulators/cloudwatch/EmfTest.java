package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Embedded Metric Format (AWS's specification), fed line by line as a function's stdout, read back through the SDK. */
class EmfTest extends CloudWatchFixture {
  private static final long T = START.toEpochMilli() + 1500;

  private Datapoint minute(String name, Dimension... dims) {
    var points = client.getMetricStatistics(r -> r.namespace("Linkpulse").metricName(name).dimensions(dims).startTime(START)
        .endTime(START.plusSeconds(60)).period(60).statistics(Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.MAXIMUM)
        .extendedStatistics(java.util.List.of())).datapoints();
    return points.isEmpty() ? null : points.get(0);
  }

  @Test
  void aDirective_publishesEachMetricUnderItsDimensions_atTheLinesTimestamp() {
    String line = "{\"_aws\":{\"Timestamp\":" + T + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Linkpulse\",\"Dimensions\":[[\"Service\"]],"
        + "\"Metrics\":[{\"Name\":\"Requests\",\"Unit\":\"Count\"},{\"Name\":\"ServerErrors\",\"Unit\":\"Count\"}]}]},"
        + "\"Service\":\"redirect\",\"Requests\":3,\"ServerErrors\":1,\"code\":\"abc\"}";
    assertThat(cloudWatch.putEmfLine(line)).isEqualTo(2);
    assertThat(minute("Requests", dim("Service", "redirect")).sum()).isEqualTo(3.0);
    assertThat(minute("ServerErrors", dim("Service", "redirect")).unit()).isEqualTo(StandardUnit.COUNT);
  }

  @Test
  void everyDimensionSet_isAMetricOfItsOwn_andAnEmptySetHasNoDimensions() {
    String line = "{\"_aws\":{\"Timestamp\":" + T + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Linkpulse\",\"Dimensions\":[[\"Service\"],[\"Service\",\"Route\"],[]],"
        + "\"Metrics\":[{\"Name\":\"Requests\"}]}]},\"Service\":\"redirect\",\"Route\":\"GET /{code}\",\"Requests\":2}";
    assertThat(cloudWatch.putEmfLine(line)).isEqualTo(3);
    assertThat(client.listMetrics(r -> r.namespace("Linkpulse")).metrics()).extracting(Metric::dimensions).containsExactlyInAnyOrder(
        java.util.List.of(), java.util.List.of(dim("Service", "redirect")), java.util.List.of(dim("Route", "GET /{code}"), dim("Service", "redirect")));
    assertThat(minute("Requests", dim("Service", "redirect"), dim("Route", "GET /{code}")).sum()).isEqualTo(2.0);
  }

  @Test
  void anArrayOfValues_isOneSampleEach_soPercentilesSeeThemAll() {
    String line = "{\"_aws\":{\"Timestamp\":" + T + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Linkpulse\",\"Dimensions\":[[\"Service\"]],"
        + "\"Metrics\":[{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]}]},\"Service\":\"redirect\",\"Latency\":[5,7,9,250]}";
    cloudWatch.putEmfLine(line);
    Datapoint d = minute("Latency", dim("Service", "redirect"));
    assertThat(d.sampleCount()).isEqualTo(4.0);
    assertThat(d.maximum()).isEqualTo(250.0);
    var p = client.getMetricStatistics(r -> r.namespace("Linkpulse").metricName("Latency").dimensions(dim("Service", "redirect"))
        .startTime(START).endTime(START.plusSeconds(60)).period(60).extendedStatistics("p50", "p99")).datapoints().get(0).extendedStatistics();
    assertThat(p).containsEntry("p50", 7.0).containsEntry("p99", 250.0);
  }

  @Test
  void storageResolution1_isHighResolution() {
    String line = "{\"_aws\":{\"Timestamp\":" + T + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Linkpulse\",\"Dimensions\":[[]],"
        + "\"Metrics\":[{\"Name\":\"Fast\",\"StorageResolution\":1}]}]},\"Fast\":1}";
    cloudWatch.putEmfLine(line);
    advance(Duration.ofSeconds(10));
    assertThat(client.getMetricStatistics(r -> r.namespace("Linkpulse").metricName("Fast").startTime(START).endTime(START.plusSeconds(10))
        .period(1).statistics(Statistic.SUM)).datapoints()).extracting(Datapoint::timestamp).containsExactly(START.plusSeconds(1));
  }

  @ParameterizedTest(name = "not EMF: {0}")
  @ValueSource(strings = {"START RequestId: 8d3f Version: $LATEST", "{\"level\":\"INFO\",\"message\":\"redirected\"}", "", "[1,2,3]"})
  void otherLogLines_areIgnoredQuietly(String line) {
    assertThat(cloudWatch.putEmfLine(line)).isZero();
    assertThat(client.listMetrics(r -> {}).metrics()).isEmpty();
  }

  @ParameterizedTest(name = "invalid: {0}")
  @ValueSource(strings = {
      "{\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"M\":1}",
      "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\"}]}]}}",
      "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[\"S\"]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"S\":7,\"M\":1}",
      "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Furlongs\"}]}]},\"M\":1}",
      "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\",\"StorageResolution\":5}]}]},\"M\":1}",
      "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"M\":1}",
      "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"M\":\"one\"}",
      "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":{}},\"M\":1}"})
  void invalidEmf_storesNothing_andCountsAValidationError(String line) {
    assertThat(cloudWatch.putEmfLine(line)).isZero();
    advance(Duration.ofSeconds(1));
    assertThat(client.listMetrics(r -> {}).metrics()).extracting(Metric::namespace, Metric::metricName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("AWS/Logs", "EMFValidationErrors"));
  }

  @Test
  void malformedJsonNamingAws_countsAParsingError() {
    assertThat(cloudWatch.putEmfLine("{\"_aws\":{\"Timestamp\":1,")).isZero();
    assertThat(client.listMetrics(r -> r.namespace("AWS/Logs")).metrics()).extracting(Metric::metricName).containsExactly("EMFParsingErrors");
  }

  @Test
  void aHundredAndOneValues_isTooMany() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i <= 100; i++) values.append(i == 0 ? "" : ",").append(i);
    assertThat(cloudWatch.putEmfLine("{\"_aws\":{\"Timestamp\":" + T + ",\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[]],"
        + "\"Metrics\":[{\"Name\":\"M\"}]}]},\"M\":[" + values + "]}")).isZero();
  }
}
