package dev.linkpulse.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gauge's arithmetic and its EMF line, on a fixed clock and a queue of our own making. */
class ReviewQueueGaugeTest {
  static final Instant NOW = Instant.parse("2026-12-01T14:00:00Z");
  final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private ReviewQueueGauge.Reading sweep(Optional<ReviewQueue.Waiting> oldest, Instant now) {
    return new ReviewQueueGauge(() -> oldest, Clock.fixed(now, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8)).sweep();
  }

  private JsonNode emitted() throws Exception {
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(1);
    return Json.tree(lines[0]);
  }

  @Test
  void theAgeIsHowLongTheOldestLinkHasWaited_inWholeSeconds() throws Exception {
    var reading = sweep(Optional.of(new ReviewQueue.Waiting("abc", NOW.minus(Duration.ofHours(4)).minusMillis(999))), NOW);
    assertThat(reading).isEqualTo(new ReviewQueueGauge.Reading(NOW, 14400, "abc"));
    assertThat(emitted().get(ReviewQueueGauge.METRIC).asLong()).isEqualTo(14400);
    assertThat(emitted().get("oldestCode").asText()).isEqualTo("abc");
  }

  @Test
  void anEmptyQueueReadsZero_soTheSeriesStaysDense() throws Exception {
    assertThat(sweep(Optional.empty(), NOW)).isEqualTo(new ReviewQueueGauge.Reading(NOW, 0, null));
    assertThat(emitted().get(ReviewQueueGauge.METRIC).asLong()).isZero();
    assertThat(emitted().has("oldestCode")).isFalse();
  }

  @Test
  void aReviewThatBeganAfterTheClocksInstantReadsZero_neverANegativeAge() throws Exception {
    assertThat(sweep(Optional.of(new ReviewQueue.Waiting("abc", NOW.plusSeconds(3))), NOW).oldestAgeSeconds()).isZero();
  }

  @Test
  void theLineIsEmbeddedMetricFormat_inTheLinkpulseNamespace_byService_stampedWithTheClock() throws Exception {
    Instant later = NOW.plus(Duration.ofMinutes(7));
    sweep(Optional.of(new ReviewQueue.Waiting("abc", NOW)), later);
    JsonNode line = emitted();
    JsonNode aws = line.get("_aws");
    assertThat(aws.get("Timestamp").asLong()).isEqualTo(later.toEpochMilli());
    JsonNode directive = aws.get("CloudWatchMetrics").get(0);
    assertThat(directive.get("Namespace").asText()).isEqualTo("Linkpulse");
    assertThat(directive.get("Dimensions").get(0).get(0).asText()).isEqualTo("Service");
    assertThat(line.get("Service").asText()).isEqualTo(ReviewQueueGauge.SERVICE);
    assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo(ReviewQueueGauge.METRIC);
    assertThat(directive.get("Metrics").get(0).get("Unit").asText()).isEqualTo("Seconds");
    assertThat(line.get(ReviewQueueGauge.METRIC).asLong()).isEqualTo(420);
  }
}
