package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The proof the issue asks of every ratio SLO, on its alarms exactly as alarms/alarms.yaml deploys them, the clock
 * moved minute by minute: a fast burn pages the fast pair and nothing else; a 1x burn for three days opens the drift
 * ticket and nothing else; a recovered burn returns to OK; no data is no burn (TreatMissingData notBreaching); a 0.5x
 * burn for three days never alarms. Traffic is {@code total} events a minute, where 1 bad event a minute burns at 1x.
 */
class SloBurnRateTest extends BurnRateFixture {
  /** id, service, total metric, bad metric, total events a minute (1 / budget). */
  static Stream<Arguments> ratioSlos() {
    return Stream.of(Arguments.of("redirect-availability", "redirect", "Requests", "ServerErrors", 2000),
        Arguments.of("click-freshness", "aggregator", "ClicksAggregated", "ClicksLate", 1000));
  }

  private void traffic(String service, String total, String bad, int minutes, long perMinute, long badPerMinute) {
    ratioTraffic(minutes, service, total, perMinute, bad, badPerMinute);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ratioSlos")
  void fastBurn_14point4xForFiveMinutesWithinTheHour_pagesTheFastPairOnly_thenRecovers(String slo, String service, String total,
      String bad, int perMinute) throws Exception {
    loadAlarms(slo);
    traffic(service, total, bad, 6 * 60, perMinute, 0);
    // 173 bad a minute for 5 minutes: 865 in the hour, 14.42x over it (173x over 5 minutes); 2.4x over 6 hours
    traffic(service, total, bad, 4, perMinute, 173);
    assertThat(alarmsPaged()).as("after 4 minutes the hour burned 11.5x").isEmpty();
    traffic(service, total, bad, 1, perMinute, 173);
    assertThat(alarmsPaged()).containsExactly(page(slo, "fast"));
    assertThat(composites(slo)).containsExactly(StateValue.ALARM, StateValue.OK, StateValue.OK);

    traffic(service, total, bad, 60, perMinute, 0);
    assertThat(composites(slo)).as("recovered").containsExactly(StateValue.OK, StateValue.OK, StateValue.OK);
    assertThat(state(composite(slo, "fast") + "-1h")).as("the hour is clean again").isEqualTo(StateValue.OK);
    assertThat(cloudWatch.notifications()).last().satisfies(n -> {
      assertThat(n.alarmName()).isEqualTo(composite(slo, "fast"));
      assertThat(n.newState()).isEqualTo("OK");
      assertThat(n.target()).isEqualTo(AlarmsTemplate.topicArn("PageTopic"));
    });
    assertThat(alarmsPaged()).as("paged once").hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ratioSlos")
  void slowBurn_1xForThreeDays_opensTheDriftTicketOnly(String slo, String service, String total, String bad, int perMinute) throws Exception {
    loadAlarms(slo);
    traffic(service, total, bad, 3 * 24 * 60, perMinute, 1);
    assertThat(alarmsPaged()).containsExactly(ticket(slo, "drift"));
    assertThat(composites(slo)).containsExactly(StateValue.OK, StateValue.OK, StateValue.ALARM);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ratioSlos")
  void halfBurn_forThreeDays_neverAlarms(String slo, String service, String total, String bad, int perMinute) throws Exception {
    loadAlarms(slo);
    traffic(service, total, bad, 3 * 24 * 60, 2L * perMinute, 1);
    assertThat(alarmsPaged()).isEmpty();
    assertThat(composites(slo)).containsOnly(StateValue.OK);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ratioSlos")
  void missingData_isNotBreaching_aBurnThatStopsReportingReturnsToOk(String slo, String service, String total, String bad,
      int perMinute) throws Exception {
    loadAlarms(slo);
    advance(Duration.ofHours(1));
    assertThat(composites(slo)).as("never any data").containsOnly(StateValue.OK);
    traffic(service, total, bad, 10, perMinute, 500);
    assertThat(state(composite(slo, "fast"))).isEqualTo(StateValue.ALARM);
    advance(Duration.ofMinutes(10));
    assertThat(state(composite(slo, "fast") + "-5m")).as("five minutes without data").isEqualTo(StateValue.OK);
    assertThat(state(composite(slo, "fast"))).isEqualTo(StateValue.OK);
    assertThat(cloudWatch.notifications()).noneMatch(n -> n.newState().equals("INSUFFICIENT_DATA"));
  }
}
