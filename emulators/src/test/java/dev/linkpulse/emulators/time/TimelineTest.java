package dev.linkpulse.emulators.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void manualTimeRunsDueTasksInInstantOrderAtTheirOwnInstant() {
    ManualTimeline time = new ManualTimeline(T0);
    List<String> ran = new ArrayList<>();
    time.after(Duration.ofMinutes(5), () -> ran.add("5m@" + time.now()));
    time.after(Duration.ofMinutes(1), () -> ran.add("1m@" + time.now()));
    time.after(Duration.ofHours(2), () -> ran.add("2h"));
    time.advance(Duration.ofHours(1));
    assertThat(ran).containsExactly("1m@2026-12-01T00:01:00Z", "5m@2026-12-01T00:05:00Z");
    assertThat(time.now()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void aTaskScheduledByATaskRunsWithinTheSameAdvance() {
    ManualTimeline time = new ManualTimeline(T0);
    List<Instant> ran = new ArrayList<>();
    time.after(Duration.ofSeconds(10), () -> {
      ran.add(time.now());
      time.after(Duration.ofSeconds(10), () -> ran.add(time.now()));
    });
    time.advance(Duration.ofSeconds(30));
    assertThat(ran).containsExactly(T0.plusSeconds(10), T0.plusSeconds(20));
  }

  @Test
  void aCancelledTaskNeverRuns() {
    ManualTimeline time = new ManualTimeline(T0);
    List<String> ran = new ArrayList<>();
    time.after(Duration.ofSeconds(1), () -> ran.add("x")).cancel();
    time.advance(Duration.ofSeconds(2));
    assertThat(ran).isEmpty();
  }

  @Test
  void tiesRunInTheOrderScheduled() {
    ManualTimeline time = new ManualTimeline(T0);
    List<Integer> ran = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      time.after(Duration.ofSeconds(1), () -> ran.add(n));
    }
    time.advance(Duration.ofSeconds(1));
    assertThat(ran).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void scaledTimeRunsAFiveMinuteWaitInAFewSecondsAtSpeed300() throws Exception {
    Timeline time = Timeline.scaled(300);
    Instant start = time.now();
    CountDownLatch done = new CountDownLatch(1);
    time.after(Duration.ofMinutes(5), done::countDown);
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.between(start, time.now())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theClockViewReadsTheTimeline() {
    ManualTimeline time = new ManualTimeline(T0);
    time.advance(Duration.ofDays(3));
    assertThat(time.clock().instant()).isEqualTo(T0.plus(Duration.ofDays(3)));
    await().until(() -> Timeline.system().clock().instant().isAfter(T0));
  }

  @Test
  void aWallClockStampLandsOnAScaledTimelineSpeedTimesFurtherFromItsOrigin_inTheSameOrder() {
    Timeline time = Timeline.scaled(60);
    Instant wall = Instant.now();
    Instant timelineNow = time.now();
    // Where the timeline was when the wall clock read that stamp: a few of its seconds at most from "now" just after.
    assertThat(time.fromWallClock(wall)).isBetween(timelineNow.minusSeconds(60), timelineNow.plusSeconds(1));
    assertThat(Duration.between(time.fromWallClock(wall), time.fromWallClock(wall.plusSeconds(1)))).isEqualTo(Duration.ofMinutes(1));
    assertThat(time.fromWallClock(wall.plusMillis(1))).isAfter(time.fromWallClock(wall));
    assertThat(time.speed()).isEqualTo(60);
  }

  @Test
  void theSystemAndManualTimelinesKeepAWallClockStamp() {
    Instant wall = Instant.now().minusSeconds(5);
    assertThat(Timeline.system().fromWallClock(wall)).isEqualTo(wall);
    assertThat(Timeline.system().speed()).isEqualTo(1);
    ManualTimeline manual = new ManualTimeline(T0);
    assertThat(manual.fromWallClock(wall)).isEqualTo(wall);
    assertThat(manual.speed()).isZero();
  }
}
