package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * The API reference's limits and constraints: a request that breaks one gets the documented error code and
 * changes nothing (no datapoint stored, no alarm created).
 */
class ValidationTest extends CloudWatchFixture {
  private static MetricDatum.Builder datum() {
    return MetricDatum.builder().metricName("M").value(1.0);
  }

  static Stream<Arguments> putMetricData() {
    Double[] many = new Double[151];
    java.util.Arrays.fill(many, 1.0);
    return Stream.of(
        Arguments.of("a namespace starting with AWS/", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("AWS/SQS").metricData(datum().build())),
        Arguments.of("Value with StatisticValues", "InvalidParameterCombination", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            datum().statisticValues(StatisticSet.builder().sampleCount(1.0).sum(1.0).minimum(1.0).maximum(1.0).build()).build())),
        Arguments.of("Values and Counts of different lengths", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            MetricDatum.builder().metricName("M").values(1.0, 2.0).counts(1.0).build())),
        Arguments.of("more than 150 values", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            MetricDatum.builder().metricName("M").values(many).build())),
        Arguments.of("a timestamp more than two weeks old", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            datum().timestamp(START.minus(Duration.ofDays(15))).build())),
        Arguments.of("a timestamp more than two hours ahead", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            datum().timestamp(START.plus(Duration.ofHours(3))).build())),
        Arguments.of("StorageResolution 5", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(datum().storageResolution(5).build())),
        Arguments.of("an unknown unit", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(datum().unit("Furlongs").build())),
        Arguments.of("a dimension name twice", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            datum().dimensions(dim("A", "1"), dim("A", "2")).build())),
        Arguments.of("a statistic set with SampleCount 0", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            MetricDatum.builder().metricName("M").statisticValues(StatisticSet.builder().sampleCount(0.0).sum(1.0).minimum(1.0).maximum(1.0).build()).build())),
        Arguments.of("no value at all", "InvalidParameterCombination", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            MetricDatum.builder().metricName("M").build())),
        Arguments.of("a good datum before a bad one", "InvalidParameterValue", (Consumer<PutMetricDataRequest.Builder>) r -> r.namespace("App").metricData(
            datum().build(), datum().unit("Furlongs").build())));
  }

  @ParameterizedTest(name = "PutMetricData with {0}: {1}")
  @MethodSource("putMetricData")
  void putMetricData_isRefusedWhole(String what, String code, Consumer<PutMetricDataRequest.Builder> request) {
    assertThatThrownBy(() -> client.putMetricData(request))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    assertThat(client.listMetrics(r -> {}).metrics()).isEmpty();
  }

  private static PutMetricAlarmRequest.Builder alarm() {
    return PutMetricAlarmRequest.builder().alarmName("a").namespace("App").metricName("M").statistic("Sum").period(60)
        .evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold");
  }

  private static MetricDataQuery stat(String id, int period) {
    return MetricDataQuery.builder().id(id).returnData(false).metricStat(MetricStat.builder().metric(Metric.builder().namespace("App").metricName("M").build())
        .period(period).stat("Sum").build()).build();
  }

  private static PutMetricAlarmRequest.Builder math(MetricDataQuery... queries) {
    return PutMetricAlarmRequest.builder().alarmName("a").evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold").metrics(queries);
  }

  private static MetricDataQuery expr(String id, String expression, boolean returnData) {
    return MetricDataQuery.builder().id(id).expression(expression).returnData(returnData).build();
  }

  static Stream<Arguments> putMetricAlarm() {
    return Stream.of(
        Arguments.of("a period of 45 seconds", "ValidationError", alarm().period(45)),
        Arguments.of("Period x EvaluationPeriods over one day below a 1-hour period", "ValidationError", alarm().period(300).evaluationPeriods(289)),
        Arguments.of("Period x EvaluationPeriods over seven days", "ValidationError", alarm().period(86400).evaluationPeriods(8)),
        Arguments.of("DatapointsToAlarm above EvaluationPeriods", "ValidationError", alarm().evaluationPeriods(2).datapointsToAlarm(3)),
        Arguments.of("EvaluationPeriods 0", "ValidationError", alarm().evaluationPeriods(0)),
        Arguments.of("an anomaly detection operator", "ValidationError", alarm().comparisonOperator("LessThanLowerOrGreaterThanUpperThreshold")),
        Arguments.of("both Statistic and ExtendedStatistic", "ValidationError", alarm().extendedStatistic("p99")),
        Arguments.of("a trimmed-mean statistic", "ValidationError", alarm().statistic((String) null).extendedStatistic("tm99")),
        Arguments.of("TreatMissingData sometimes", "ValidationError", alarm().treatMissingData("sometimes")),
        Arguments.of("six alarm actions", "ValidationError", alarm().alarmActions(TOPIC + "1", TOPIC + "2", TOPIC + "3", TOPIC + "4", TOPIC + "5", TOPIC + "6")),
        Arguments.of("an EC2 action", "ValidationError", alarm().alarmActions("arn:aws:automate:us-east-1:ec2:stop")),
        Arguments.of("a non-ASCII name", "ValidationError", alarm().alarmName("caf\u00e9")),
        Arguments.of("a name of 256 characters", "ValidationError", alarm().alarmName("x".repeat(256))),
        Arguments.of("a description of 1025 characters", "ValidationError", alarm().alarmDescription("x".repeat(1025))),
        Arguments.of("Metrics and MetricName", "ValidationError", alarm().metrics(stat("m", 60), expr("e", "m", true))),
        Arguments.of("two queries returning data", "ValidationError", math(stat("m", 60), expr("e", "m", true), expr("f", "m * 2", true))),
        Arguments.of("metrics of different periods", "ValidationError", math(stat("m", 60), stat("n", 300), expr("e", "m + n", true))),
        Arguments.of("an expression returning a scalar", "ValidationError", math(stat("m", 60), expr("e", "SUM(m)", true))),
        Arguments.of("an expression returning an array", "ValidationError", math(stat("m", 60), expr("e", "METRICS()", true))),
        Arguments.of("an unsupported function", "ValidationError", math(stat("m", 60), expr("e", "RATE(m)", true))),
        Arguments.of("a reference to no query", "ValidationError", math(stat("m", 60), expr("e", "m + nope", true))),
        Arguments.of("a circular reference", "ValidationError", math(stat("m", 60), expr("e", "f + m", true), expr("f", "e", false))),
        Arguments.of("an Id starting upper-case", "ValidationError", math(stat("M1", 60), expr("e", "M1", true))),
        Arguments.of("two queries with one Id", "ValidationError", math(stat("m", 60), expr("m", "m", true))),
        Arguments.of("only expressions", "ValidationError", math(expr("e", "TIME_SERIES(1)", true))));
  }

  @ParameterizedTest(name = "PutMetricAlarm with {0}: {1}")
  @MethodSource("putMetricAlarm")
  void putMetricAlarm_isRefused_andNoAlarmIsCreated(String what, String code, PutMetricAlarmRequest.Builder request) {
    assertThatThrownBy(() -> client.putMetricAlarm(request.build()))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
          assertThat(e.statusCode()).isEqualTo(400);
        });
    assertThat(client.describeAlarms(r -> r.alarmTypesWithStrings("MetricAlarm", "CompositeAlarm")).metricAlarms()).isEmpty();
  }

  @ParameterizedTest(name = "PutCompositeAlarm with rule {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"ALARM(a) AND", "AT_LEAST(1, ALARM, (a))", "ALARM(nosuch)", ""})
  void putCompositeAlarm_withABadRule_isRefused(String rule) {
    client.putMetricAlarm(alarm().build());
    assertThatThrownBy(() -> client.putCompositeAlarm(r -> r.alarmName("c").alarmRule(rule)))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(client.describeAlarms(r -> r.alarmTypesWithStrings("CompositeAlarm")).compositeAlarms()).isEmpty();
  }

  @ParameterizedTest(name = "GetMetricData with {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"DIFF(m)", "m +", "SUM(m)", "unknown * 2"})
  void getMetricData_withABadExpression_isAValidationError(String expression) {
    assertThatThrownBy(() -> client.getMetricData(r -> r.startTime(START).endTime(START.plusSeconds(600))
        .metricDataQueries(stat("m", 60), expr("e", expression, true))))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
  }

  @org.junit.jupiter.api.Test
  void deleteAlarms_withAnUnknownName_deletesNothing() {
    client.putMetricAlarm(alarm().build());
    assertThatThrownBy(() -> client.deleteAlarms(r -> r.alarmNames("a", "nope")))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound"));
    assertThat(client.describeAlarms().metricAlarms()).hasSize(1);
  }

  @org.junit.jupiter.api.Test
  void describeAlarms_namesAndPrefixTogether_isRefused() {
    assertThatThrownBy(() -> client.describeAlarms(r -> r.alarmNames("a").alarmNamePrefix("a")))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
  }
}
