package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.template.Template;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code linkpulse slo status} against the local CloudWatch with every alarm of alarms/alarms.yaml, through the real
 * CloudWatchClient (GetMetricData, DescribeAlarms), the clock moved by the timeline. Budget of the availability SLO:
 * 0.05%, so 1 error in 2,000 requests burns at 1x.
 */
class SloStatusTest {
  LocalAlarms local;

  @BeforeEach
  void start() throws Exception {
    local = new LocalAlarms();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  static JsonNode slo(JsonNode status, String id) {
    for (JsonNode s : status.path("slos")) if (s.path("id").asText().equals(id)) return s;
    throw new AssertionError("no SLO " + id + " in " + status);
  }

  @Test
  void everyAlarmOfTheTemplateIsDeployed_andNoneAlarmsOnAQuietStack() throws Exception {
    Template t = Template.load(LocalAlarms.ALARMS);
    int alarms = t.resourcesOfType("AWS::CloudWatch::Alarm").size() + t.resourcesOfType("AWS::CloudWatch::CompositeAlarm").size();
    assertThat(local.alarmNames).hasSize(alarms).allMatch(n -> n.startsWith("linkpulse-"));
    Cli quiet = local.status();
    assertThat(quiet.exit()).as(quiet.err()).isZero();
    assertThat(quiet.out()).contains("SLO status of stack linkpulse at 2025-01-06T00:00:00Z", "No alarm of the stack is in ALARM.");
  }

  @Test
  void aFastBurn_showsItsBurnRatesAndThePageAlarm_thenRecovers() throws Exception {
    local.redirects(6 * 60, 1000, 0);
    local.redirects(5, 1000, 87);
    Cli during = local.status("--json");
    assertThat(during.exit()).as(during.err()).isZero();
    JsonNode availability = slo(Json.tree(during.out()), "redirect-availability");
    JsonNode burn = availability.path("burnRates");
    // 435 errors: 87 a minute for 5 minutes, in 1,000 requests a minute
    assertThat(burn.path("5m").asDouble()).isCloseTo(87 / 1000.0 / 0.0005, within(1e-6));
    assertThat(burn.path("30m").asDouble()).isCloseTo(435 / 30_000.0 / 0.0005, within(1e-6));
    assertThat(burn.path("1h").asDouble()).isCloseTo(435 / 60_000.0 / 0.0005, within(1e-6));
    assertThat(burn.path("6h").asDouble()).isCloseTo(435 / 360_000.0 / 0.0005, within(1e-6));
    assertThat(burn.path("3d").asDouble()).isCloseTo(435 / 365_000.0 / 0.0005, within(1e-6));
    assertThat(availability.path("budgetLeft").asDouble()).isCloseTo(1 - 435 / 365_000.0 / 0.0005, within(1e-6));
    assertThat(availability.path("inAlarm").findValuesAsText("name")).containsExactly("linkpulse-redirect-availability-fast-burn",
        "linkpulse-redirect-availability-fast-burn-1h", "linkpulse-redirect-availability-fast-burn-5m",
        "linkpulse-redirect-availability-slow-burn-30m", "linkpulse-redirect-availability-drift-burn-6h");
    assertThat(availability.path("inAlarm").get(0).path("notifies").asText()).isEqualTo("page");
    assertThat(availability.path("inAlarm").get(0).path("runbook").asText()).isEqualTo("runbooks/redirect-availability.md");
    assertThat(slo(Json.tree(during.out()), "click-freshness").path("burnRates").path("1h").isNull()).as("no aggregator traffic").isTrue();

    Cli table = local.status();
    assertThat(table.out()).containsPattern("redirect-availability +99\\.95% +-138\\.4% +174\\.0x +29\\.0x +14\\.5x +2\\.42x +2\\.38x"
        + " +redirect-availability-fast-burn \\(page\\)");
    assertThat(table.out()).containsPattern("linkpulse-redirect-availability-fast-burn +page +runbooks/redirect-availability.md");

    local.redirects(60, 1000, 0);
    JsonNode after = slo(Json.tree(local.status("--json").out()), "redirect-availability");
    assertThat(after.path("burnRates").path("5m").asDouble()).isZero();
    assertThat(after.path("burnRates").path("1h").asDouble()).isZero();
    assertThat(after.path("inAlarm").findValuesAsText("name")).doesNotContain("linkpulse-redirect-availability-fast-burn");
  }

  @Test
  void theLatencySli_countsTheMinutesAtOrOverItsThreshold() throws Exception {
    for (int minute = 0; minute < 60; minute++) local.traffic(1, "redirect", "Requests", 100, "Latency", minute < 3 ? 250 : 20);
    JsonNode latency = slo(Json.tree(local.status("--json").out()), "redirect-latency");
    // p99 of one value a minute is the value: 3 bad minutes of 60 in the hour, of a 1% budget
    assertThat(latency.path("burnRates").path("1h").asDouble()).isCloseTo(3 / 60.0 / 0.01, within(1e-9));
    assertThat(latency.path("burnRates").path("5m").asDouble()).isZero();
  }

  @Test
  void aSignalAlarmOfNoSloInAlarmIsListedToo_notHiddenBehindNoAlarmIsInAlarm() throws Exception {
    try (LocalAlarms one = new LocalAlarms("linkpulse"); var client = one.client()) {
      client.setAlarmState(r -> r.alarmName("linkpulse-moderation-review-queue-old").stateValue("ALARM").stateReason("drill"));
      Cli table = one.status();
      assertThat(table.out()).doesNotContain("No alarm of the stack is in ALARM.")
          .containsPattern("linkpulse-moderation-review-queue-old +ticket +runbooks/moderation-review-queue-old.md");
      JsonNode json = Json.tree(one.status("--json").out());
      assertThat(json.path("otherInAlarm").findValuesAsText("name")).containsExactly("linkpulse-moderation-review-queue-old");
    }
  }

  @Test
  void withStack_readsThatStacksAlarmsOnly_amongTwoDeployedStacks() throws Exception {
    try (LocalAlarms two = new LocalAlarms("linkpulse-prod", "linkpulse-staging"); var client = two.client()) {
      // SetAlarmState through the real client: what an alarm in ALARM looks like in DescribeAlarms, on either stack
      client.setAlarmState(r -> r.alarmName("linkpulse-staging-redirect-availability-fast-burn").stateValue("ALARM").stateReason("drill"));
      client.setAlarmState(r -> r.alarmName("linkpulse-prod-clicks-dlq-not-empty").stateValue("ALARM").stateReason("drill"));
      Cli prod = two.status("--stack", "linkpulse-prod", "--json");
      assertThat(prod.exit()).as(prod.err()).isZero();
      JsonNode status = Json.tree(prod.out());
      assertThat(status.path("stack").asText()).isEqualTo("linkpulse-prod");
      assertThat(slo(status, "redirect-availability").path("inAlarm")).as("staging's page is not prod's").isEmpty();
      JsonNode parked = slo(status, "no-click-left-behind").path("inAlarm");
      assertThat(parked.findValuesAsText("name")).contains("linkpulse-prod-clicks-dlq-not-empty").allMatch(n -> n.startsWith("linkpulse-prod-"));
      assertThat(parked.findValuesAsText("runbook")).contains("runbooks/clicks-dlq-not-empty.md");
      Cli table = two.status("--stack", "linkpulse-prod");
      assertThat(table.out()).contains("SLO status of stack linkpulse-prod at 2025-01-06T00:00:00Z")
          .containsPattern("linkpulse-prod-clicks-dlq-not-empty +ticket +runbooks/clicks-dlq-not-empty.md")
          .doesNotContain("linkpulse-staging");
      assertThat(two.status("--stack", "linkpulse-staging").out()).contains("linkpulse-staging-redirect-availability-fast-burn")
          .doesNotContain("linkpulse-prod");
    }
  }

  @Test
  void badInput_isAUsageError() {
    Cli yesterday = Cli.run("slo", "status", "--cloudwatch-endpoint-url", local.cloudWatch.endpoint().toString(), "--at", "yesterday");
    assertThat(yesterday.exit()).isEqualTo(2);
    assertThat(yesterday.err()).contains("--at 'yesterday' is not an ISO-8601 instant");
    assertThat(Cli.run("slo", "status", "--stack", "no such stack").err()).contains("--stack 'no such stack' is not a stack name");
  }
}
