package dev.linkpulse.moderation.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.Json;
import dev.linkpulse.moderation.review.ReviewQueue;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sweep reads its "now" from the scheduled event (EventBridge's own sample shape), not from a clock of its own. */
class ReviewSweepHandlerTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> scheduledEvent() throws Exception {
    try (InputStream in = ReviewSweepHandlerTest.class.getResourceAsStream("/events/scheduled-event.json")) {
      return Json.MAPPER.readValue(in, Map.class);
    }
  }

  @Test
  void theGaugeIsTheAgeAtTheEventsTime_andItsLineIsStampedWithIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Instant tick = Instant.parse("2026-12-01T14:00:00Z");
    ReviewQueue queue = () -> Optional.of(new ReviewQueue.Waiting("abc", tick.minusSeconds(5400)));
    var answer = new ReviewSweepHandler(queue, new PrintStream(out, true, StandardCharsets.UTF_8)).handleRequest(scheduledEvent(), null);
    assertThat(answer).containsEntry("at", "2026-12-01T14:00:00Z").containsEntry("oldestAgeSeconds", 5400L).containsEntry("oldestCode", "abc");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"Timestamp\":" + tick.toEpochMilli());
  }

  @Test
  void anEventWithoutAnIsoTimeIsRefusedWithTheReason() {
    assertThatThrownBy(() -> ReviewSweepHandler.tickOf(Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no time");
    assertThatThrownBy(() -> ReviewSweepHandler.tickOf(Map.of("time", "yesterday"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'yesterday' is not an ISO-8601 instant");
  }
}
