package dev.linkpulse.core.clicks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyntheticClicksTest {
  static final String KEY = "k".repeat(32);
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  final SyntheticClicks clicks = SyntheticClicks.of(KEY, "lp-canary");

  @Test
  void aMarkerMadeWithTheKeyIsAMarkerForItsCodeUntilItExpires() {
    String marker = clicks.mark("lp-canary", "run-1", NOW.plus(Duration.ofMinutes(5)));
    assertThat(clicks.marked("lp-canary", marker, NOW)).isTrue();
    assertThat(clicks.marked("lp-canary", marker, NOW.plus(Duration.ofMinutes(5)))).as("expired").isFalse();
    assertThat(clicks.marked("someones", marker, NOW)).as("another code").isFalse();
  }

  @Test
  void noMarkerCanBeForgedWithoutTheKey_norStretchedPastItsLifetime() {
    SyntheticClicks forger = SyntheticClicks.of("f".repeat(32), "lp-canary");
    assertThat(clicks.marked("lp-canary", forger.mark("lp-canary", "run-1", NOW.plusSeconds(60)), NOW)).isFalse();
    String marker = clicks.mark("lp-canary", "run-1", NOW.plusSeconds(60));
    String[] parts = marker.split("\\.");
    assertThat(clicks.marked("lp-canary", parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2], NOW)).as("expiry changed").isFalse();
    assertThat(clicks.marked("lp-canary", "run-2." + parts[1] + "." + parts[2], NOW)).as("run id changed").isFalse();
    assertThat(clicks.marked("lp-canary", clicks.mark("lp-canary", "run-1", NOW.plus(Duration.ofDays(1))), NOW)).as("too long-lived").isFalse();
  }

  @Test
  void malformedMarkersAreNoMarkers() {
    for (String bad : new String[] {null, "", "a", "a.b.c", "a.1", "..", "a.1.b.c", "a b.9999999999.x"}) {
      assertThat(clicks.marked("lp-canary", bad, NOW)).as(String.valueOf(bad)).isFalse();
    }
  }

  @Test
  void aMarkedClickCountsOnTheCanaryLinkOnly_andAnUnmarkedOneEverywhereElse() {
    assertThat(clicks.counts("lp-canary", true)).isTrue();
    assertThat(clicks.counts("lp-canary", false)).isFalse();
    assertThat(clicks.counts("hello", true)).isFalse();
    assertThat(clicks.counts("hello", false)).isTrue();
  }

  @Test
  void aShortKeyOrABadRunIdIsRefused() {
    assertThatThrownBy(() -> SyntheticClicks.of("short", "lp-canary")).hasMessageContaining("SyntheticClickKey");
    assertThatThrownBy(() -> clicks.mark("lp-canary", "a.b", NOW)).isInstanceOf(IllegalArgumentException.class);
  }
}
