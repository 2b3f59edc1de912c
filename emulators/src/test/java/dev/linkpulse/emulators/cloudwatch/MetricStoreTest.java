package dev.linkpulse.emulators.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the store keeps, and for how long, in CloudWatch's retention tiers: 1-second data for 3 hours, then as
 * minutes; minutes for 15 days, then as 5 minutes; 5 minutes for 63 days, then as hours; hours for 455 days.
 */
class MetricStoreTest {
  private static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");
  private static final MetricId METRIC = MetricId.of("App", "Hits", Map.of("Service", "web"));
  private final MetricStore store = new MetricStore();

  private double sum(long start, long end, long period) {
    return store.aggregate(METRIC, null, start, end, period, false).values().stream().mapToDouble(Aggregate::sum).sum();
  }

  @Test
  void highResolutionData_becomesMinutesAfterThreeHours() {
    long t = T0.getEpochSecond();
    store.put(Datum.value(METRIC, T0.plusSeconds(1), "Count", 1, 2));
    store.put(Datum.value(METRIC, T0.plusSeconds(7), "Count", 1, 3));
    assertThat(store.aggregate(METRIC, null, t, t + 60, 1, false)).hasSize(2);
    store.compact(T0.plus(Duration.ofHours(3)).plusSeconds(60));
    assertThat(store.aggregate(METRIC, null, t, t + 60, 1, false)).isEmpty();
    assertThat(sum(t, t + 60, 60)).isEqualTo(5.0);
  }

  @Test
  void minutes_becomeFiveMinutes_thenHours_thenAreDropped() {
    long t = T0.getEpochSecond();
    for (int i = 0; i < 10; i++) store.put(Datum.value(METRIC, T0.plusSeconds(60L * i), "Count", 60, 1));
    store.compact(T0.plus(Duration.ofDays(16)));
    assertThat(store.aggregate(METRIC, null, t, t + 600, 60, false)).as("no 1-minute data after 15 days").isEmpty();
    assertThat(store.aggregate(METRIC, null, t, t + 600, 300, false)).hasSize(2);
    store.compact(T0.plus(Duration.ofDays(64)));
    assertThat(store.aggregate(METRIC, null, t, t + 3600, 300, false)).isEmpty();
    assertThat(sum(t, t + 3600, 3600)).isEqualTo(10.0);
    store.compact(T0.plus(Duration.ofDays(456)));
    assertThat(sum(t, t + 3600, 3600)).isZero();
  }

  @Test
  void percentilesSurviveTheRollUp() {
    long t = T0.getEpochSecond();
    for (int i = 1; i <= 100; i++) store.put(new Datum(METRIC, T0.plusSeconds(i % 60), "Milliseconds", 1, new double[] {i}, new double[] {1}, null));
    store.compact(T0.plus(Duration.ofHours(4)));
    Aggregate minute = store.aggregate(METRIC, null, t, t + 60, 60, true).firstEntry().getValue();
    assertThat(minute.percentile(99)).isEqualTo(99.0);
    assertThat(minute.count()).isEqualTo(100.0);
  }

  @Test
  void listMetrics_showsOnlyRecentlyActiveMetrics() {
    store.put(Datum.value(METRIC, T0, "Count", 60, 1));
    assertThat(store.list(m -> true, T0.getEpochSecond())).containsExactly(METRIC);
    assertThat(store.list(m -> true, T0.getEpochSecond() + 1)).isEmpty();
  }
}
