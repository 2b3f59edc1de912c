package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metric math rules of the user guide ("Metric math syntax and functions"), each on its own examples. */
class MetricMathTest {
  private final MathTestSupport math = new MathTestSupport()
      .metric("metric1", "[30, 20, 0, 0]").metric("metric2", "[20, -, 20, -]");

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "(metric1 < metric2) | [0, 0, 1, 0]",
      "(metric1 >= 30) | [1, 0, 0, 0]",
      "(metric1 > 15 AND metric2 > 15) | [1, 0, 0, 0]",
      "metric1 > 15 && metric2 > 15 | [1, 0, 0, 0]",
      "metric1 < 5 OR metric2 > 15 | [1, 0, 1, 1]",
      "metric1 != 0 OR metric2 == 20 | [1, 1, 1, 0]"})
  void comparisonAndLogicalOperators_readAMissingValueAsZero(String expression, String expected) {
    assertThat(math.series(expression)).isEqualTo(expected);
  }

  @Test
  void doublePipeIsOr() {
    assertThat(math.series("metric1 != 0 || metric2 == 20")).isEqualTo("[1, 1, 1, 0]");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '=', value = {
      "metric1 + metric2 = [50, 20, 20, 0]",
      "metric1 - 2 * metric2 = [-10, 20, -40, 0]",
      "-metric1 = [-30, -20, 0, 0]",
      "metric1 / 10 ^ 1 = [3, 2, 0, 0]",
      "metric2 / metric1 = [0.6666666666666666, 0, -, -]",
      "(metric1 + 6) / 2 = [18, 13, 3, 3]"})
  void arithmetic_missingIsZero_andDivisionByZeroDropsThePoint(String expression, String expected) {
    assertThat(math.series(expression)).isEqualTo(expected);
  }

  @Test
  void ifWithThreeSeries_followsTheGuidesTable() {
    MathTestSupport m = new MathTestSupport().metric("metric1", "[1, 1, 0, 0, -]").metric("metric2", "[30, -, 0, 0, 30]")
        .metric("metric3", "[0, 0, 20, -, 20]");
    assertThat(m.series("IF(metric1, metric2, metric3)")).isEqualTo("[30, 0, 20, -, -]");
    assertThat(m.series("IF(metric1, 5, metric3)")).isEqualTo("[5, 5, 20, -, -]");
    assertThat(m.series("IF(metric1, metric2, 5)")).isEqualTo("[30, 0, 5, 5, -]");
    assertThat(m.series("IF(metric1, metric2)")).isEqualTo("[30, 0, -, -, -]");
  }

  @Test
  void ifWithAComparison_asTheBurnRateAlarmsUseIt() {
    MathTestSupport m = new MathTestSupport().metric("bad", "[1, -, 0, 10]").metric("total", "[1000, -, 0, 1000]");
    assertThat(m.series("IF(FILL(total, 0) > 0, FILL(bad, 0) / FILL(total, 0), 0) / 0.0005")).isEqualTo("[2, 0, 0, 20]");
    assertThat(m.series("IF(FILL(bad, 0) >= 10, 1, 0)")).isEqualTo("[0, 0, 0, 1]");
  }

  @Test
  void ifWithAScalarCondition_picksAWholeBranch() {
    assertThat(math.series("IF(1, metric1, metric2)")).isEqualTo("[30, 20, 0, 0]");
    assertThat(math.series("IF(0, metric1, metric2)")).isEqualTo("[20, -, 20, -]");
    assertThat(math.series("IF(0, metric1)")).isEqualTo("[-, -, -, -]");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '=', value = {
      "FILL(metric2, 0) = [20, 0, 20, 0]",
      "FILL(metric2, metric1) = [20, 20, 20, 0]",
      "FILL(metric2, REPEAT) = [20, 20, 20, 20]",
      "FILL(metric2, LINEAR) = [20, 20, 20, -]",
      "FILL(metric2, MIN(metric1)) = [20, 0, 20, 0]"})
  void fill_fillsEveryEmptySlotOfTheGrid(String expression, String expected) {
    assertThat(math.series(expression)).isEqualTo(expected);
  }

  @Test
  void fill_ofAMetricWithNoDataAtAll_isDense() {
    MathTestSupport m = new MathTestSupport().metric("quiet", "[-, -, -]");
    assertThat(m.series("FILL(quiet, 0)")).isEqualTo("[0, 0, 0]");
    assertThat(m.series("FILL(quiet, LINEAR)")).isEqualTo("[-, -, -]");
  }

  @Test
  void linearFill_interpolatesInsideAGap() {
    MathTestSupport m = new MathTestSupport().metric("m1", "[0, -, -, 30]");
    assertThat(m.series("FILL(m1, LINEAR)")).isEqualTo("[0, 10, 20, 30]");
  }

  @Test
  void aggregatesOfOneSeriesAreScalars_ofAnArrayAreSeries() {
    assertThat(math.eval("SUM(metric1)")).isEqualTo(50.0);
    assertThat(math.eval("AVG(metric2)")).isEqualTo(20.0);
    assertThat(math.eval("MAX(metric1) - MIN(metric1)")).isEqualTo(30.0);
    assertThat(math.eval("DATAPOINT_COUNT(metric2)")).isEqualTo(2.0);
    assertThat(math.series("SUM([metric1, metric2])")).isEqualTo("[50, 20, 20, 0]");
    assertThat(math.series("AVG([metric1, metric2])")).isEqualTo("[25, 10, 10, 0]");
    assertThat(math.series("MAX([metric1, metric2])")).isEqualTo("[30, 20, 20, 0]");
    assertThat(math.series("MIN([metric1, metric2])")).isEqualTo("[20, 20, 0, 0]");
    assertThat(math.series("metric1 - AVG(metric1)")).isEqualTo("[17.5, 7.5, -12.5, -12.5]");
  }

  @Test
  void metricsFunction_returnsTheRequestsMetrics_filteredByIdSubstring() {
    MathTestSupport m = new MathTestSupport().metric("errors4xx", "[1, 2]").metric("errors5xx", "[10, 20]").metric("requests", "[100, 200]");
    assertThat(m.series("SUM(METRICS(\"errors\"))")).isEqualTo("[11, 22]");
    assertThat(m.series("SUM(METRICS())")).isEqualTo("[111, 222]");
    assertThat(m.eval("METRIC_COUNT(METRICS())")).isEqualTo(3.0);
    assertThat(m.series("SUM([METRICS(\"4xx\"), METRICS(\"5xx\")]) / requests")).isEqualTo("[0.11, 0.11]");
    @SuppressWarnings("unchecked") List<Series> scaled = (List<Series>) m.eval("METRICS() * 100");
    assertThat(scaled).extracting(m::render).containsExactly("[100, 200]", "[1000, 2000]", "[10000, 20000]");
  }

  @Test
  void runningSumAndElementwiseFunctions() {
    MathTestSupport m = new MathTestSupport().metric("m1", "[1, -, 2.5, -4]");
    assertThat(m.series("RUNNING_SUM(m1)")).isEqualTo("[1, -, 3.5, -0.5]");
    assertThat(m.series("ABS(m1)")).isEqualTo("[1, -, 2.5, 4]");
    assertThat(m.series("CEIL(m1)")).isEqualTo("[1, -, 3, -4]");
    assertThat(m.series("FLOOR(m1)")).isEqualTo("[1, -, 2, -4]");
    assertThat(m.series("TIME_SERIES(7)")).isEqualTo("[7, 7, 7, 7]");
    assertThat(m.series("m1 / PERIOD(m1)")).isEqualTo("[0.016666666666666666, -, 0.041666666666666664, -0.06666666666666667]");
    assertThat(m.series("100 * (1 - RUNNING_SUM(FILL(m1, 0)) / 10)")).isEqualTo("[90, 90, 65, 105]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "DIFF(metric1)|Unsupported function DIFF",
      "ANOMALY_DETECTION_BAND(metric1)|Unsupported function ANOMALY_DETECTION_BAND",
      "SEARCH('{AWS/EC2} CPU', 'Average', 300)|Syntax error",
      "metric1 +|Syntax error",
      "FILL(metric1, NEAREST)|Unknown identifier or unsupported keyword: NEAREST",
      "nosuch * 2|Unknown identifier nosuch",
      "[metric1, 2]|an array [...] holds time series",
      "IF(METRICS(), 1, 0)|IF needs a scalar or time series condition",
      "METRICS() + METRICS()|cannot combine two arrays"})
  void unsupportedOrMalformedExpressionsAreRefusedByName(String expression, String message) {
    assertThatThrownBy(() -> math.eval(expression)).isInstanceOf(MathException.class).hasMessageContaining(message);
  }
}
