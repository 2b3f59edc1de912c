package dev.linkpulse.deploy.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.clicks.SyntheticClicks;
import dev.linkpulse.fixtures.InMemoryLinkStore;
import dev.linkpulse.fixtures.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostTraffic: every marked click counted exactly, or Failed; the deadline is reached by moving a clock, not sleeping. */
class PostTrafficCheckTest {
  final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
  final SyntheticClicks synthetic = SyntheticClicks.of("k".repeat(32), "lp-canary");
  final CanaryLink canary = new CanaryLink(new InMemoryLinkStore(), "lp-canary", clock);
  final List<String> markers = new ArrayList<>();
  final List<String> sources = new ArrayList<>();
  final PostTrafficCheck.PublicClicks publicEndpoint = (code, marker, source) -> {
    markers.add(marker);
    sources.add(source);
    return 302;
  };

  @Test
  void everyClickCountedExactlyPasses_withMarkersTheRedirectAccepts() throws Exception {
    Verdict v = check(publicEndpoint, (link, source, from) -> sources.stream().filter(source::equals).count()).run();
    assertThat(v.passed()).as(v.reason()).isTrue();
    assertThat(markers).hasSize(10).allMatch(m -> synthetic.marked("lp-canary", m, clock.instant()));
  }

  @Test
  void clicksCountedLateStillPassBeforeTheDeadline() throws Exception {
    Instant start = clock.instant();
    Verdict v = check(publicEndpoint, (link, source, from) -> clock.instant().isAfter(start.plusSeconds(20)) ? 10 : 3).run();
    assertThat(v.passed()).as(v.reason()).isTrue();
  }

  @Test
  void clicksNeverAllCountedFailAtTheDeadline() throws Exception {
    Instant start = clock.instant();
    Verdict v = check(publicEndpoint, (link, source, from) -> 9).run();
    assertThat(v.passed()).isFalse();
    assertThat(v.reason()).contains("9 of 10");
    assertThat(clock.instant()).isAfterOrEqualTo(start.plusSeconds(60)).isBefore(start.plusSeconds(63));
  }

  @Test
  void aClickCountedTwiceFails() throws Exception {
    Verdict v = check(publicEndpoint, (link, source, from) -> 11).run();
    assertThat(v.passed()).isFalse();
    assertThat(v.reason()).contains("counted twice");
  }

  @Test
  void aClickTheEndpointDoesNotRedirectFails() throws Exception {
    Verdict v = check((code, marker, source) -> 503, (link, source, from) -> 0).run();
    assertThat(v.passed()).isFalse();
    assertThat(v.reason()).contains("503");
  }

  private PostTrafficCheck check(PostTrafficCheck.PublicClicks clicks, PostTrafficCheck.CanaryCounts counts) {
    return new PostTrafficCheck(canary, synthetic, clicks, counts, clock::advance, clock, 10, Duration.ofSeconds(60));
  }
}
