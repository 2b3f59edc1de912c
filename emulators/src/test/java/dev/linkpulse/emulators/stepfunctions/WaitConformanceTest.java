package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** The Wait state's four forms: Seconds, Timestamp, SecondsPath, TimestampPath; a past timestamp does not wait. */
class WaitConformanceTest {
  @AutoClose private static final SfnHarness h = new SfnHarness();

  @ParameterizedTest(name = "{0} with {1} waits {2} s")
  @CsvSource(delimiter = ';', value = {
      "\"Seconds\":10;{};10",
      "\"SecondsPath\":\"$.delay\";{\"delay\":7};7",
      "\"Timestamp\":\"2026-01-05T10:01:00Z\";{};60",
      "\"TimestampPath\":\"$.until\";{\"until\":\"2026-01-05T11:00:00+01:00\"};0",
      "\"TimestampPath\":\"$.until\";{\"until\":\"2026-01-05T10:00:30.500Z\"};31",
      "\"Timestamp\":\"2020-01-01T00:00:00Z\";{};0"})
  void waitsUntilItsTimeAndNoLonger(String field, String input, long seconds) {
    try (SfnHarness fresh = new SfnHarness()) {
      String arn = fresh.start(fresh.machine("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\"," + field + ",\"Next\":\"Done\"},\"Done\":{\"Type\":\"Succeed\"}}}"), input);
      fresh.awaitEvent(arn, e -> e.type() == HistoryEventType.WAIT_STATE_ENTERED);
      if (seconds > 0) {
        fresh.advance(Duration.ofSeconds(seconds).minusMillis(seconds == 31 ? 501 : 1));
        assertThat(fresh.describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
        fresh.advance(Duration.ofMillis(1));
      } else {
        fresh.timeline.runDue();
      }
      assertThat(fresh.awaitDone(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @ParameterizedTest(name = "{0} with {1} fails with States.Runtime")
  @CsvSource(delimiter = ';', value = {"\"SecondsPath\":\"$.delay\";{\"delay\":-1}", "\"SecondsPath\":\"$.delay\";{\"delay\":\"5\"}",
      "\"TimestampPath\":\"$.until\";{\"until\":\"tomorrow\"}", "\"SecondsPath\":\"$.delay\";{}"})
  void aBadPathValueFailsTheExecution(String field, String input) {
    var d = h.run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\"," + field + ",\"End\":true}}}", input);
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
  }
}
