package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.cloudwatch.MissingDataRule.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two example tables of "How alarm state is evaluated when data is missing" (CloudWatch user guide), row by
 * row and column by column: 5 datapoints fetched, oldest first; 0 = not breaching, X = breaching, - = missing.
 * "retain" is the IGNORE column's "Retain current state".
 */
class MissingDataRuleTest {
  static Stream<Arguments> threeOutOfThree() {
    return Stream.of(
        Arguments.of("0 - X - X", "OK", "OK", "OK", "OK"),
        Arguments.of("0 - - - -", "OK", "OK", "OK", "OK"),
        Arguments.of("- - - - -", "INSUFFICIENT_DATA", "retain", "ALARM", "OK"),
        Arguments.of("0 X X - X", "ALARM", "ALARM", "ALARM", "ALARM"),
        Arguments.of("- - - - X", "INSUFFICIENT_DATA", "retain", "ALARM", "OK"),
        Arguments.of("X - - - -", "ALARM", "retain", "ALARM", "OK"));
  }

  static Stream<Arguments> twoOutOfThree() {
    return Stream.of(
        Arguments.of("0 - X - X", "ALARM", "ALARM", "ALARM", "ALARM"),
        Arguments.of("0 0 X 0 X", "ALARM", "ALARM", "ALARM", "ALARM"),
        Arguments.of("0 - X - -", "OK", "OK", "ALARM", "OK"),
        Arguments.of("- - - - 0", "OK", "OK", "ALARM", "OK"),
        Arguments.of("- - - - X", "INSUFFICIENT_DATA", "retain", "ALARM", "OK"));
  }

  @ParameterizedTest(name = "DatapointsToAlarm 3 of EvaluationPeriods 3: {0}")
  @MethodSource("threeOutOfThree")
  void userGuideTableOne_threeOutOfThree(String points, String missing, String ignore, String breaching, String notBreaching) {
    check(points, 3, 3, missing, ignore, breaching, notBreaching);
  }

  @ParameterizedTest(name = "DatapointsToAlarm 2 of EvaluationPeriods 3: {0}")
  @MethodSource("twoOutOfThree")
  void userGuideTableTwo_twoOutOfThree(String points, String missing, String ignore, String breaching, String notBreaching) {
    check(points, 3, 2, missing, ignore, breaching, notBreaching);
  }

  private static void check(String points, int n, int m, String... expected) {
    TreatMissingData[] columns = {TreatMissingData.MISSING, TreatMissingData.IGNORE, TreatMissingData.BREACHING, TreatMissingData.NOT_BREACHING};
    for (int i = 0; i < columns.length; i++) {
      StateValue state = MissingDataRule.decide(slots(points), n, m, v -> v >= 1, columns[i]).state();
      assertThat(state == null ? "retain" : state.name()).as(columns[i] + " for " + points).isEqualTo(expected[i]);
    }
  }

  static List<Slot> slots(String points) {
    List<Slot> out = new ArrayList<>();
    long t = 0;
    for (String p : points.split(" ")) {
      out.add(new Slot(t, p.equals("-") ? null : p.equals("X") ? 1.0 : 0.0));
      t += 300;
    }
    return out;
  }
}
