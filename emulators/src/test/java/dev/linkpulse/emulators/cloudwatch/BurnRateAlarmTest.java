package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The redirect-availability SLO's alarms exactly as alarms/alarms.yaml deploys them (three burn-rate pairs: six
 * metric-math window alarms and three composites), fed the way the redirect function reports: one EMF line of
 * Requests and ServerErrors per minute. Budget 0.05%: a burn of 1 is 1 error in 2,000 requests.
 */
class BurnRateAlarmTest extends BurnRateFixture {
  private static final String SLO = "redirect-availability-";
  private static final String FAST = AlarmsTemplate.PREFIX + "-redirect-availability-fast-burn";

  @BeforeEach
  void loadAlarms() throws Exception {
    loadAlarms("redirect-availability");
  }

  /** {@code minutes} of traffic, {@code requests} a minute of which {@code errors} answered 5xx. */
  private void traffic(int minutes, int requests, int errors) {
    ratioTraffic(minutes, "redirect", "Requests", requests, "ServerErrors", errors);
  }

  @Test
  void fastBurn_spendingTwoPercentOfTheBudgetInFiveMinutes_pagesTheFastPairOnly_andRecovers() {
    traffic(6 * 60, 1000, 0);
    assertThat(alarmsPaged()).isEmpty();
    // 87 errors in 1,000 for five minutes: 435 of the last hour's 60,000 requests, a 1-hour burn of 14.5x
    // (the 5-minute window burns at 174x); the 6-hour window sees 2.4x, under the slow pair's 6x.
    traffic(4, 1000, 87);
    assertThat(alarmsPaged()).as("four minutes: 1-hour burn 11.6x").isEmpty();
    traffic(1, 1000, 87);
    assertThat(alarmsPaged()).containsExactly(FAST + " -> " + AlarmsTemplate.topicArn("PageTopic"));
    MetricAlarm longWindow = client.describeAlarms(r -> r.alarmNames(FAST + "-1h")).metricAlarms().get(0);
    assertThat(longWindow.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(longWindow.stateReason()).startsWith("Threshold Crossed: 1 out of the last 1 datapoints [14.5");
    assertThat(state(AlarmsTemplate.PREFIX + "-redirect-availability-slow-burn")).isEqualTo(StateValue.OK);
    assertThat(state(AlarmsTemplate.PREFIX + "-redirect-availability-drift-burn")).isEqualTo(StateValue.OK);
    AlarmNotification page = cloudWatch.notifications().stream().filter(n -> n.newState().equals("ALARM")).findFirst().orElseThrow();
    assertThat(page.message()).contains("Runbook: https://example.test/runbooks/redirect-availability.md", "\"AlarmRule\":\"ALARM(");

    traffic(5, 1000, 0);
    assertThat(state(FAST)).as("the 5-minute window recovered").isEqualTo(StateValue.OK);
    assertThat(state(FAST + "-1h")).as("the hour still holds the errors").isEqualTo(StateValue.ALARM);
    assertThat(cloudWatch.notifications()).last().satisfies(n -> {
      assertThat(n.alarmName()).isEqualTo(FAST);
      assertThat(n.newState()).isEqualTo("OK");
    });
  }

  @Test
  void halfBudgetBurn_neverAlarms() {
    // 1 error in 4,000 requests: a burn of 0.5x in every window, for seven hours (every window but the 3-day one
    // fills up; that one judges day by day, and each day burns 0.5x too).
    traffic(7 * 60, 4000, 1);
    assertThat(alarmsPaged()).isEmpty();
    assertThat(client.describeAlarms(r -> r.alarmNamePrefix(AlarmsTemplate.PREFIX + "-" + SLO).alarmTypesWithStrings("MetricAlarm", "CompositeAlarm")))
        .satisfies(r -> {
          assertThat(r.metricAlarms()).hasSize(6).allSatisfy(a -> assertThat(a.stateValue()).isEqualTo(StateValue.OK));
          assertThat(r.compositeAlarms()).hasSize(3).allSatisfy(a -> assertThat(a.stateValue()).isEqualTo(StateValue.OK));
        });
  }

  @Test
  void slowDrift_ofOnePointTwoBudgets_opensATicketOnly_onceThreeSlidingDaysHaveTraffic() {
    // 3 errors in 5,000 requests: a burn of 1.2x, under the fast (14.4x) and slow (6x) pairs, over the drift pair's 1x.
    // The 3-day window is three sliding one-day ratios that must all burn: after a quiet start, the oldest of them
    // burns as soon as it holds one minute of traffic, so the ticket opens two days and one minute in.
    traffic(2 * 24 * 60, 5000, 3);
    assertThat(alarmsPaged()).as("the oldest of the three days holds no traffic yet").isEmpty();
    assertThat(state(AlarmsTemplate.PREFIX + "-redirect-availability-drift-burn-6h")).isEqualTo(StateValue.ALARM);
    traffic(1, 5000, 3);
    assertThat(alarmsPaged()).containsExactly(AlarmsTemplate.PREFIX + "-redirect-availability-drift-burn -> " + AlarmsTemplate.topicArn("TicketTopic"));
  }

  @Test
  void noTraffic_isNoBurn_theAlarmsTreatMissingDataAsTheyAsk() {
    advance(Duration.ofHours(2));
    assertThat(alarmsPaged()).isEmpty();
    assertThat(state(FAST + "-1h")).isEqualTo(StateValue.OK);
  }
}
