package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.ops.slo.AlarmPlan.Planned;
import dev.linkpulse.ops.slo.SloSpec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and validating slos.yaml, and the numbers the burn-rate math comes to. */
class SloSpecTest {
  static final String REAL = "alarms/slos.yaml";

  static String fixture() throws IOException {
    return Files.readString(SloRenderGoldenTest.FIXTURE);
  }

  @Test
  void theRealSpecParses() {
    SloSpec spec = SloFile.load(LocalConfig.findRoot().resolve(REAL));
    assertThat(spec.slos()).extracting(SloSpec.Slo::id)
        .containsExactly("redirect-availability", "redirect-latency", "click-freshness", "no-click-left-behind");
    assertThat(spec.slo("redirect-availability").budget()).isEqualByComparingTo("0.0005");
    assertThat(spec.burnRates()).extracting(SloSpec.BurnRate::name).containsExactly("fast", "slow", "drift");
  }

  /** 14.4x of a 1% budget over 60 minutes is 8.64 bad minutes: the alarm needs 9 of the 60. */
  @ParameterizedTest
  @CsvSource({
      "redirect-latency-fast-burn-1h, 60, 9",
      "redirect-latency-fast-burn-5m, 5, 1",
      "redirect-latency-slow-burn-6h, 360, 22",
      "redirect-latency-slow-burn-30m, 30, 2",
      "redirect-latency-drift-burn-6h, 360, 4",
      "redirect-latency-drift-burn-3d, 1440, 15",
  })
  void minutesWindowsAlarmOnCeilOfFactorTimesBudgetTimesMinutes(String name, int n, int m) {
    Planned alarm = plan().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    assertThat(alarm.properties()).containsEntry("EvaluationPeriods", n).containsEntry("DatapointsToAlarm", m);
    assertThat(period(alarm)).isEqualTo(60);
  }

  @ParameterizedTest
  @CsvSource({
      "redirect-availability-fast-burn-1h, 3600, 1",
      "redirect-availability-fast-burn-5m, 300, 1",
      "redirect-availability-slow-burn-6h, 21600, 1",
      "redirect-availability-slow-burn-30m, 1800, 1",
      "redirect-availability-drift-burn-3d, 86400, 3",
      "click-freshness-drift-burn-6h, 21600, 1",
  })
  void ratioWindowsAreOneDatapointOrWholeDaysAllBreaching(String name, int period, int n) {
    Planned alarm = plan().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    assertThat(period(alarm)).isEqualTo(period);
    assertThat(alarm.properties()).containsEntry("EvaluationPeriods", n).containsEntry("DatapointsToAlarm", n);
  }

  @Test
  void theAvailabilityBurnExpressionDividesTheErrorRateByTheBudget() {
    Planned alarm = plan().stream().filter(a -> a.name().equals("redirect-availability-fast-burn-1h")).findFirst().orElseThrow();
    List<?> metrics = (List<?>) alarm.properties().get("Metrics");
    Map<?, ?> burn = (Map<?, ?>) metrics.get(metrics.size() - 1);
    assertThat(burn.get("Expression")).isEqualTo("IF(FILL(total, 0) > 0, FILL(bad, 0) / FILL(total, 0), 0) / 0.0005");
    assertThat(alarm.properties().get("Threshold")).hasToString("14.4");
  }

  @Test
  void everySloGetsThreeWindowPairsAndEverySignalOneAlarm() {
    List<Planned> plan = plan();
    assertThat(plan.stream().filter(a -> a.kind() == AlarmPlan.Kind.COMPOSITE)).hasSize(9);
    assertThat(plan.stream().filter(a -> a.kind() == AlarmPlan.Kind.WINDOW)).hasSize(18);
    assertThat(plan.stream().filter(a -> a.kind() == AlarmPlan.Kind.SIGNAL)).hasSize(17);
    assertThat(plan).extracting(Planned::name).doesNotHaveDuplicates();
    assertThat(plan).extracting(Planned::logicalId).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "objective: 99.9|objective: 101|objective must be a percentage above 0 and at most 100",
      "objective: 99.9|objective: lots|objective must be a number",
      "datapoints: 3 of 5|datapoints: 6 of 5|M must be between 1 and N",
      "datapoints: 3 of 5|datapoints: three|datapoints must read 'M of N'",
      "period: 1m|period: 2d|period may be at most 1d",
      "datapoints: 3 of 5|datapoints: 3 of 1441|with a period under 1h CloudWatch evaluates at most 1 day",
      "stat: Sum, dimensions: {FunctionName: [OrderWorker, MailWorker]}|stat: Sum, dimensions: {FunctionName: [A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11]}|sums 11 metrics; a metric-math alarm may reference at most 10",
      "severity: ticket|severity: urgent|severity must be page or ticket",
      "long: 2d|long: 40d|the long window is longer than budgetPeriod",
      "runbook: search-latency.md|runbook: ../etc/passwd|runbook must be a file name",
      "version: 1|version: 2|version must be 1",
      "namespace: Shop|namespaces: Shop|unknown key 'namespaces'",
      "threshold: 3|threshold: {parameter: Max-Age}|threshold.parameter 'Max-Age' is not a CloudFormation parameter name",
      "threshold: 3|threshold: {parameter: AlarmNamePrefix}|is one of the nested stack's own",
      "threshold: 3|threshold: {param: MaxErrors}|unknown key 'param'",
  })
  void badInputIsRejectedWithTheEntryAndTheReason(String from, String to, String message) throws IOException {
    String text = fixture();
    assertThat(text).contains(from);
    assertThatThrownBy(() -> SloFile.parse(text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)), "slos.yaml"))
        .isInstanceOf(SpecException.class).hasMessageContaining(message).hasMessageStartingWith("slos.yaml: ");
  }

  @Test
  void aThresholdFromATemplateParameterBecomesANumberParameterOfTheNestedStack_passedByRefAndSpelledInTheDescription() throws IOException {
    SloSpec spec = SloFile.parse(fixture().replace("threshold: 3", "threshold: {parameter: WorkerErrorLimit}")
        .replace("threshold: 1\n", "threshold: {parameter: OrdersParked}\n"), "slos.yaml");
    AlarmPlan plan = AlarmPlan.of(spec);
    assertThat(plan.thresholdParams()).containsExactly("OrdersParked", "WorkerErrorLimit");
    Planned errors = plan.alarms().stream().filter(a -> a.name().equals("worker-errors")).findFirst().orElseThrow();
    assertThat(errors.properties().get("Threshold")).isEqualTo(Cfn.ref("WorkerErrorLimit"));
    assertThat(((Cfn.Sub) errors.properties().get("AlarmDescription")).text()).contains("Fires at ${WorkerErrorLimit} or more in 3 of 5 periods");
    String rendered = SloRenderer.render(spec).get(SloRenderer.ALARMS);
    assertThat(rendered).contains("  WorkerErrorLimit:\n    Type: Number\n").contains("Threshold: !Ref WorkerErrorLimit");
    // A one-metric signal gets a graph against its deployed threshold; the summed one (two functions) does not.
    String pipeline = SloRenderer.render(spec).get("dashboards/pipeline.json");
    assertThat(pipeline).contains("\"expression\": \"signal * 0 + ${OrdersParked}\"").doesNotContain("${WorkerErrorLimit}");
  }

  @Test
  void aBurnRateAMinutesSliCannotReachIsRejectedAtRender() throws IOException {
    // 250x of a 0.5% budget is more bad minutes than a 5-minute window has
    String text = fixture().replace("factor: 14.4", "factor: 250");
    SloSpec spec = SloFile.parse(text, "slos.yaml");
    assertThatThrownBy(() -> SloRenderer.render(spec)).isInstanceOf(SpecException.class).hasMessageContaining("needs more bad minutes");
  }

  @Test
  void durationsAndLabels() {
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("3d")).isEqualTo(Duration.ofDays(3));
    assertThat(Durations.parse("0h")).isNull();
    assertThat(Durations.parse("1w")).isNull();
    assertThat(Durations.label(Duration.ofHours(24))).isEqualTo("1d");
    assertThat(Durations.label(Duration.ofMinutes(90))).isEqualTo("90m");
  }

  @Test
  void theCliReportsBadInputOnOneLineWithExitCode2(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("slos.yaml");
    Files.writeString(bad, fixture().replace("objective: 99.9", "objective: 120"));
    Cli render = Cli.run("slo", "render", "--slos", bad.toString(), "--out", dir.toString());
    assertThat(render.exit()).isEqualTo(2);
    assertThat(render.err().strip().lines()).hasSize(1);
    assertThat(render.err()).startsWith("linkpulse: slos.yaml: slos[0] (checkout-availability).objective must be a percentage");
    assertThat(dir.resolve("alarms")).doesNotExist();

    Cli missing = Cli.run("slo", "render", "--slos", dir.resolve("nope.yaml").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");

    Files.writeString(bad, "slos: [unclosed");
    Cli broken = Cli.run("slo", "list", "--slos", bad.toString());
    assertThat(broken.exit()).isEqualTo(2);
    assertThat(broken.err().strip().lines()).hasSize(1);
    assertThat(broken.err()).contains("is not valid YAML");

    Cli noSubcommand = Cli.run("slo");
    assertThat(noSubcommand.exit()).isEqualTo(2);
    assertThat(noSubcommand.err()).contains("render [--check], list or status");

    Cli unknownOption = Cli.run("slo", "render", "--chekc");
    assertThat(unknownOption.exit()).isEqualTo(2);
  }

  @Test
  void listShowsEveryAlarmWithItsRunbook() {
    Cli list = Cli.run("slo", "list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).contains("redirect-availability-fast-burn ").contains("composite").contains("page")
        .contains("runbooks/redirect-availability.md").contains("clicks-dlq-not-empty").contains("runbooks/clicks-dlq-not-empty.md");
  }

  static List<Planned> plan() {
    return AlarmPlan.of(SloFile.load(LocalConfig.findRoot().resolve(REAL))).alarms();
  }

  static int period(Planned alarm) {
    List<?> metrics = (List<?>) alarm.properties().get("Metrics");
    Map<?, ?> stat = (Map<?, ?>) ((Map<?, ?>) metrics.get(0)).get("MetricStat");
    return (Integer) stat.get("Period");
  }
}
