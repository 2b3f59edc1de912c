package dev.linkpulse.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAM Schedule events on a ManualTimeline: when they tick, what they send, how a failed run is retried, what a
 * disabled or unrunnable one does. The functions run on the class path ({@link RecordingHandler}).
 */
class SchedulesTest {
  static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path dir;

  /** One function {@code name} with the event {@code Every} of {@code properties}, and its {@code extra} properties. */
  private Schedules schedules(ManualTimeline timeline, String name, String properties, String extra) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, """
        Resources:
          %s:
            Type: AWS::Serverless::Function
            Properties:
              Handler: %s::handleRequest
              CodeUri: x.jar
        %s
              Events:
                Every:
                  Type: Schedule
                  Properties: %s
        """.formatted(name, RecordingHandler.class.getName(), extra.indent(6).stripTrailing(), properties));
    Resolver resolver = new Resolver(Map.of(), new Resolver.Resources() {
      @Override
      public String ref(String logicalId) {
        throw new IllegalArgumentException(logicalId);
      }

      @Override
      public String getAtt(String logicalId, String attribute) {
        throw new IllegalArgumentException(logicalId);
      }
    });
    LocalFunction function = new LocalFunction(name, RecordingHandler.class.getName(), Map.of(), 3, 128);
    return Schedules.start(Template.load(file), resolver, Map.of(name, function), timeline);
  }

  private static String name() {
    return "Fn" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aRateRuleTicksOneRateAfterItIsCreated_thenEveryRate_sendingTheScheduledEvent() throws Exception {
    ManualTimeline timeline = new ManualTimeline(T);
    String fn = name();
    try (Schedules s = schedules(timeline, fn, "{Schedule: rate(1 minute)}", "")) {
      timeline.advance(Duration.ofSeconds(59));
      assertThat(RecordingHandler.events(fn)).isEmpty();
      for (int i = 0; i < 3; i++) {
        timeline.advance(Duration.ofMinutes(1));
        int expected = i + 1;
        await().atMost(WAIT).until(() -> RecordingHandler.events(fn).size() == expected);
      }
      assertThat(RecordingHandler.events(fn).stream().map(e -> e.get("time"))).containsExactly("2026-12-01T12:01:00Z", "2026-12-01T12:02:00Z",
          "2026-12-01T12:03:00Z");
      Map<String, Object> event = RecordingHandler.events(fn).get(0);
      assertThat(event).containsEntry("source", "aws.events").containsEntry("detail-type", "Scheduled Event").containsEntry("detail", Map.of())
          .containsEntry("resources", List.of("arn:aws:events:us-east-1:000000000000:rule/" + fn + "Every")).containsKey("id");
      assertThat(s.names()).containsExactly(fn + "Every");
    }
  }

  @Test
  void aFailedRunIsRetriedAfterAMinute_thenTwo_upToTheFunctionsMaximumRetryAttempts() throws Exception {
    ManualTimeline timeline = new ManualTimeline(T);
    String fn = name();
    RecordingHandler.FAILING.add(fn);
    try (Schedules s = schedules(timeline, fn, "{Schedule: rate(1 day)}", "EventInvokeConfig: {MaximumRetryAttempts: 2}")) {
      timeline.advance(Duration.ofDays(1));
      // The failure handled: the next tick and the retry wait on the timeline.
      await().atMost(WAIT).until(() -> RecordingHandler.events(fn).size() == 1 && timeline.pending() == 2);
      timeline.advance(Duration.ofSeconds(59));
      assertThat(RecordingHandler.events(fn)).hasSize(1);
      timeline.advance(Duration.ofSeconds(1));
      await().atMost(WAIT).until(() -> RecordingHandler.events(fn).size() == 2 && timeline.pending() == 2);
      timeline.advance(Duration.ofMinutes(2));
      await().atMost(WAIT).until(() -> RecordingHandler.events(fn).size() == 3);
      timeline.advance(Duration.ofMinutes(30));
      Thread.sleep(200);
      assertThat(RecordingHandler.events(fn)).as("the tick, then two retries of the same event").hasSize(3)
          .extracting(e -> e.get("id")).containsOnly(RecordingHandler.events(fn).get(0).get("id"));
    } finally {
      RecordingHandler.FAILING.remove(fn);
    }
  }

  @Test
  void withNoRetriesAFailedRunWaitsForTheNextTick() throws Exception {
    ManualTimeline timeline = new ManualTimeline(T);
    String fn = name();
    RecordingHandler.FAILING.add(fn);
    try (Schedules s = schedules(timeline, fn, "{Schedule: rate(5 minutes)}", "EventInvokeConfig: {MaximumRetryAttempts: 0}")) {
      timeline.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> RecordingHandler.events(fn).size() == 1);
      timeline.advance(Duration.ofMinutes(4));
      Thread.sleep(200);
      assertThat(RecordingHandler.events(fn)).hasSize(1);
      timeline.advance(Duration.ofMinutes(1));
      await().atMost(WAIT).until(() -> RecordingHandler.events(fn).size() == 2);
    } finally {
      RecordingHandler.FAILING.remove(fn);
    }
  }

  @Test
  void aDisabledRuleNeverRuns_andInputIsSentInsteadOfTheEvent() throws Exception {
    ManualTimeline timeline = new ManualTimeline(T);
    String off = name();
    String input = name();
    try (Schedules a = schedules(timeline, off, "{Schedule: rate(1 minute), Enabled: false}", "");
        Schedules b = schedules(timeline, input, "{Schedule: rate(1 minute), Input: '{\"sweep\": \"all\"}'}", "")) {
      timeline.advance(Duration.ofMinutes(1));
      await().atMost(WAIT).until(() -> RecordingHandler.events(input).size() == 1);
      assertThat(RecordingHandler.events(input).get(0)).isEqualTo(Map.of("sweep", "all"));
      assertThat(RecordingHandler.events(off)).isEmpty();
      assertThat(a.names()).isEmpty();
    }
  }

  @Test
  void ticksThatPileUpBehindTheWorkerAreMerged_theNewestIsNeverLost() throws Exception {
    ManualTimeline timeline = new ManualTimeline(T);
    String fn = name();
    try (Schedules s = schedules(timeline, fn, "{Schedule: rate(1 minute)}", "")) {
      timeline.advance(Duration.ofDays(1));
      await().atMost(WAIT).until(() -> RecordingHandler.events(fn).stream().anyMatch(e -> "2026-12-02T12:00:00Z".equals(e.get("time"))));
      assertThat(RecordingHandler.events(fn).size()).isBetween(1, 1440);
    }
  }

  @Test
  void aScheduleTheStackCannotRunStopsTheStartUp_namingTheFunctionAndEvent() {
    ManualTimeline timeline = new ManualTimeline(T);
    String fn = name();
    assertThatThrownBy(() -> schedules(timeline, fn, "{Schedule: 'cron(0 20 * * ? *)'}", "")).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(fn + ".Every: ").hasMessageContaining("cron");
    assertThatThrownBy(() -> schedules(timeline, fn, "{Schedule: rate(1 minute)}", "EventInvokeConfig: {MaximumRetryAttempts: 3}"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("MaximumRetryAttempts must be 0, 1 or 2");
  }
}
