package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The same proof for the time-based SLO, redirect-latency (99% of minutes with p99 Latency under 100 ms, a 1% budget),
 * whose window alarms count bad minutes: M of N one-minute datapoints with M = ceil(factor x budget x N). So the 1-hour
 * window pages at 9 bad minutes of 60, and the drift pair's day (its 3-day window truncated to the 1,440 minutes an
 * alarm can evaluate) at 15 of 1,440: a burn of exactly 1x (14.4 bad minutes a day) is just under it, so the slow
 * burn here is 1 bad minute in 90 (1.11x).
 */
class LatencyBurnRateTest extends BurnRateFixture {
  private static final String SLO = "redirect-latency";

  @BeforeEach
  void load() throws Exception {
    loadAlarms(SLO);
  }

  /** {@code minutes} minutes, each bad when {@code bad} says so for its index. */
  private void minutes(int minutes, java.util.function.IntPredicate bad) {
    for (int i = 0; i < minutes; i++) latencyMinute(bad.test(i) ? 250 : 20);
  }

  @Test
  void fastBurn_nineBadMinutesInTheHour_pagesTheFastPairOnly_thenRecovers() {
    minutes(6 * 60, i -> false);
    minutes(8, i -> true);
    assertThat(alarmsPaged()).as("8 of 60 is 13.3x").isEmpty();
    minutes(1, i -> true);
    assertThat(alarmsPaged()).containsExactly(page(SLO, "fast"));
    assertThat(composites(SLO)).containsExactly(StateValue.ALARM, StateValue.OK, StateValue.OK);
    minutes(60, i -> false);
    assertThat(composites(SLO)).as("recovered").containsOnly(StateValue.OK);
    assertThat(alarmsPaged()).hasSize(1);
  }

  @Test
  void slowBurn_oneBadMinuteIn90ForADay_opensTheDriftTicketOnly() {
    minutes(26 * 60, i -> i % 90 == 0);
    assertThat(alarmsPaged()).containsExactly(ticket(SLO, "drift"));
    assertThat(composites(SLO)).containsExactly(StateValue.OK, StateValue.OK, StateValue.ALARM);
  }

  @Test
  void halfBurn_oneBadMinuteIn200_neverAlarms() {
    minutes(3 * 24 * 60, i -> i % 200 == 0);
    assertThat(alarmsPaged()).isEmpty();
    assertThat(composites(SLO)).containsOnly(StateValue.OK);
  }

  @Test
  void missingData_aMinuteWithoutLatencyIsAGoodMinute() {
    advance(Duration.ofHours(2));
    assertThat(composites(SLO)).containsOnly(StateValue.OK);
    minutes(10, i -> true);
    assertThat(state(composite(SLO, "fast"))).isEqualTo(StateValue.ALARM);
    advance(Duration.ofHours(1));
    assertThat(composites(SLO)).as("an hour without data: no bad minute in it").containsOnly(StateValue.OK);
  }
}
