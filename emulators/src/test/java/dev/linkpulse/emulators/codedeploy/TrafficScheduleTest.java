package dev.linkpulse.emulators.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.codedeploy.LambdaDeploymentConfig.Step;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The predefined Lambda configurations of the user guide's table, and the traffic steps each one takes. */
class TrafficScheduleTest {
  @Test
  void theUserGuideListsNinePredefinedLambdaConfigurations() {
    assertThat(LambdaDeploymentConfig.predefinedNames()).containsExactlyInAnyOrder(
        "CodeDeployDefault.LambdaAllAtOnce",
        "CodeDeployDefault.LambdaCanary10Percent5Minutes", "CodeDeployDefault.LambdaCanary10Percent10Minutes",
        "CodeDeployDefault.LambdaCanary10Percent15Minutes", "CodeDeployDefault.LambdaCanary10Percent30Minutes",
        "CodeDeployDefault.LambdaLinear10PercentEvery1Minute", "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes",
        "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes", "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes");
  }

  /** "Shifts 10 percent of traffic in the first increment. The remaining 90 percent is deployed N minutes later." */
  @ParameterizedTest
  @CsvSource({"5", "10", "15", "30"})
  void canaryShiftsTenPercentFirstAndTheRemainingNinetyPercentTheIntervalLater(int minutes) {
    assertThat(config("CodeDeployDefault.LambdaCanary10Percent" + minutes + "Minutes").schedule())
        .containsExactly(new Step(Duration.ZERO, 10), new Step(Duration.ofMinutes(minutes), 100));
  }

  /** "Shifts 10 percent of traffic every N minutes until all traffic is shifted": ten equal increments. */
  @ParameterizedTest
  @CsvSource({"CodeDeployDefault.LambdaLinear10PercentEvery1Minute, 1", "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes, 2",
      "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes, 3", "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes, 10"})
  void linearShiftsTenPercentEveryIntervalUntilAllTrafficIsShifted(String name, int minutes) {
    List<Step> expected = IntStream.range(0, 10).mapToObj(k -> new Step(Duration.ofMinutes((long) k * minutes), 10 * (k + 1))).toList();
    assertThat(config(name).schedule()).isEqualTo(expected);
  }

  /** "Shifts all traffic to the updated Lambda functions at once." */
  @Test
  void allAtOnceShiftsAllTrafficAtOnce() {
    assertThat(config("CodeDeployDefault.LambdaAllAtOnce").schedule()).containsExactly(new Step(Duration.ZERO, 100));
  }

  @Test
  void aLinearPercentageThatDoesNotDivideAHundredEndsAtAHundred() {
    assertThat(new LambdaDeploymentConfig("custom", LambdaDeploymentConfig.LINEAR, 30, 1).schedule()).extracting(Step::percent)
        .containsExactly(30, 60, 90, 100);
  }

  @Test
  void weightsGiveTheTargetItsShareAndTheCurrentVersionTheRest() {
    AppSpec spec = new AppSpec("f", "live", "1", "2", java.util.Map.of());
    assertThat(Lifecycle.weights(spec, 10)).containsExactly(java.util.Map.entry("1", 0.9), java.util.Map.entry("2", 0.1));
    assertThat(Lifecycle.weights(spec, 100)).containsExactly(java.util.Map.entry("2", 1.0));
  }

  private static LambdaDeploymentConfig config(String name) {
    return LambdaDeploymentConfig.predefined(name).orElseThrow();
  }
}
