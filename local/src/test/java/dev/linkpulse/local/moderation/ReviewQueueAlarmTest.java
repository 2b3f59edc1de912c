package dev.linkpulse.local.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.emulators.cloudwatch.AlarmNotification;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The review queue's age alarm on the whole local stack: a link goes to review through the API and the saga, the
 * stack's schedule runs the review sweep from moderation-fn.jar once a minute of a ManualTimeline, its EMF gauge
 * reaches the stack's CloudWatch, and moderation-review-queue-old (from alarms/alarms.yaml, threshold the template
 * parameter) goes to ALARM once the link has waited ReviewQueueMaxAgeSeconds; an approval sent back with the real
 * SfnClient ends the review, the gauge drops to 0 and the alarm returns to OK.
 */
class ReviewQueueAlarmTest {
  static final ManualTimeline TIMELINE = new ManualTimeline(Instant.now().truncatedTo(ChronoUnit.MINUTES));
  static final int MAX_AGE = 1800;
  static final String ALARM = "linkpulse-moderation-review-queue-old";

  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(params -> LocalStack.ephemeral(params, TIMELINE),
      LocalStack::apiUrl, LocalStack::token)
      .parameter("ReviewQueueMaxAgeSeconds", String.valueOf(MAX_AGE)).parameter("ReviewTimeoutSeconds", "86400");

  static SfnClient sfn;
  static CloudWatchClient cloudWatch;

  @BeforeAll
  static void clients() {
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    sfn = SfnClient.builder().endpointOverride(URI.create(stack.stack().stepFunctionsEndpoint())).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    cloudWatch = CloudWatchClient.builder().endpointOverride(stack.stack().monitoring().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void close() {
    sfn.close();
    cloudWatch.close();
  }

  private static String status(String user, String code) {
    return stack.get("/links/" + code, stack.token(user)).json().path("status").asText();
  }

  /** Polls the link, moving the engine's clock a second each time (the saga's steps run on it). */
  private static void awaitStatus(String user, String code, String status) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
      TIMELINE.advance(Duration.ofSeconds(1));
      return status(user, code).equals(status);
    });
  }

  /** Moves to the next whole minute, where the sweep ticks, and waits for that run's gauge to reach CloudWatch. */
  private static void nextSweep() {
    Instant now = TIMELINE.now();
    Instant tick = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    TIMELINE.advance(Duration.between(now, tick));
    await().atMost(Duration.ofSeconds(60)).until(() -> gauge(tick).size() == 1);
  }

  private static List<Datapoint> gauge(Instant tick) {
    return cloudWatch.getMetricStatistics(r -> r.namespace("Linkpulse").metricName("ReviewOldestAgeSeconds")
        .dimensions(Dimension.builder().name("Service").value("moderation").build()).statistics(Statistic.MAXIMUM).period(60)
        .startTime(tick).endTime(tick.plusSeconds(60))).datapoints();
  }

  private static String alarmState() {
    return stack.stack().monitoring().alarmStates(List.of(ALARM)).get(ALARM);
  }

  /** Sweeps minute by minute until the alarm is in {@code state}; answers how many minutes that took. */
  private static int sweepUntil(String state, int minutes) {
    for (int i = 1; i <= minutes; i++) {
      // The alarm evaluates on the timeline too: a minute's gauge is judged at the latest by the next minute's evaluation.
      nextSweep();
      if (state.equals(alarmState())) return i;
    }
    throw new AssertionError(ALARM + " is " + alarmState() + ", not " + state + ", after " + minutes + " minutes of sweeps");
  }

  /** The gauge's datapoint at the last tick: the sweep stamps it with the scheduled event's time, a whole minute. */
  private static double gaugeAtLastTick() {
    Instant tick = TIMELINE.now().truncatedTo(ChronoUnit.MINUTES);
    List<Datapoint> points = gauge(tick);
    assertThat(points).as("one datapoint for the tick at " + tick).hasSize(1);
    return points.get(0).maximum();
  }

  @Test
  void aReviewOlderThanTheParameterFiresTheTicket_andApprovingItReturnsTheAlarmToOk() {
    assertThat(stack.stack().monitoring().alarmNames()).contains(ALARM);
    String user = "user-" + UUID.randomUUID().toString().substring(0, 8);
    // A bare public IP is suspicious: the screen sends it to review without asking the provider.
    ApiResponse created = stack.post("/links", stack.token(user), Json.write(Map.of("url", "http://93.184.216.34/offer")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String code = created.json().path("code").asText();
    awaitStatus(user, code, "in_review");
    var item = stack.stack().dynamo().getItem(r -> r.tableName(stack.stack().tableName("LinkpulseTable")).key(Keys.link(code))).item();
    Instant since = Instant.parse(item.get("reviewSince").s());
    assertThat(since).as("the review began on the engine's clock (the Review state's entry)").isBeforeOrEqualTo(TIMELINE.now())
        .isAfter(TIMELINE.now().minusSeconds(120));

    nextSweep();
    assertThat(gaugeAtLastTick()).as("the age at the tick, on the same clock").isEqualTo(
        (double) Duration.between(since, TIMELINE.now().truncatedTo(ChronoUnit.MINUTES)).getSeconds());
    assertThat(alarmState()).isNotEqualTo("ALARM");

    // Younger than the threshold the whole time: never ALARM.
    while (Duration.between(since, TIMELINE.now()).getSeconds() < MAX_AGE - 120) {
      nextSweep();
      assertThat(alarmState()).as("at age " + Duration.between(since, TIMELINE.now())).isNotEqualTo("ALARM");
    }
    sweepUntil("ALARM", 15);
    assertThat(gaugeAtLastTick()).isGreaterThanOrEqualTo(MAX_AGE);
    assertThat(notifications("ALARM")).as("the ticket was sent").hasSize(1);

    String token = item.get("reviewToken").s();
    sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true,\"reason\":\"checked by a moderator\"}"));
    awaitStatus(user, code, "active");
    nextSweep();
    assertThat(gaugeAtLastTick()).as("nobody waits").isZero();
    sweepUntil("OK", 15);
    // (CloudWatch also sends OK actions on the first INSUFFICIENT_DATA -> OK, before any link was in review.)
    assertThat(notifications("OK")).filteredOn(n -> n.oldState().equals("ALARM")).as("the ticket was closed").hasSize(1);
  }

  private static List<AlarmNotification> notifications(String state) {
    return stack.stack().monitoring().notifications().stream().filter(n -> n.alarmName().equals(ALARM) && n.newState().equals(state)).toList();
  }
}
