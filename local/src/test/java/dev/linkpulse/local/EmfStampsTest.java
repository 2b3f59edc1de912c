package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The functions stamp their EMF with the wall clock; the stack's CloudWatch evaluates alarms on the stack's timeline.
 * What LocalMetrics collects reaches each stack's CloudWatch stamped on that stack's timeline, in the stamps' order.
 */
class EmfStampsTest {
  static String emf(long timestamp, int value) {
    return "{\"_aws\":{\"Timestamp\":" + timestamp + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Linkpulse\",\"Dimensions\":[[\"Service\"]],"
        + "\"Metrics\":[{\"Name\":\"Requests\",\"Unit\":\"Count\"}]}]},\"Service\":\"emf-stamps-test\",\"Requests\":" + value + "}";
  }

  static long stamp(String line) throws Exception {
    return Json.tree(line).path("_aws").path("Timestamp").asLong();
  }

  @Test
  void aCollectedLineReachesAScaledStacksCloudWatchStampedWhereItsTimelineWas_inTheStampsOrder() throws Exception {
    Timeline sixty = Timeline.scaled(60);
    List<String> received = new CopyOnWriteArrayList<>();
    long wall = Instant.now().toEpochMilli();
    try (AutoCloseable subscription = LocalMetrics.subscribe(received::add, sixty)) {
      // collected out of order: the later stamp first
      LocalMetrics.record(emf(wall + 1_000, 2));
      LocalMetrics.record(emf(wall, 1));
    }
    assertThat(received).hasSize(2);
    long later = stamp(received.get(0));
    long earlier = stamp(received.get(1));
    assertThat(Duration.ofMillis(later - earlier)).isEqualTo(Duration.ofMinutes(1));
    assertThat(earlier).isEqualTo(sixty.fromWallClock(Instant.ofEpochMilli(wall)).toEpochMilli());
    JsonNode moved = Json.tree(received.get(1));
    assertThat(moved.path("Requests").asInt()).isEqualTo(1);
    assertThat(moved.path("_aws").path("CloudWatchMetrics")).isEqualTo(Json.tree(emf(wall, 1)).path("_aws").path("CloudWatchMetrics"));
  }

  @Test
  void onTheSystemOrAManualTimelineTheLineIsHandedOnAsItWas() throws Exception {
    String line = emf(Instant.now().toEpochMilli(), 1);
    assertThat(EmfStamps.onTimeline(line, Json.tree(line), Timeline.system())).isSameAs(line);
    assertThat(EmfStamps.onTimeline(line, Json.tree(line), new ManualTimeline(Instant.EPOCH))).isSameAs(line);
  }

  @Test
  void aLineWithoutANumericStampIsLeftForCloudWatchToJudge() throws Exception {
    String noStamp = "{\"_aws\":{\"CloudWatchMetrics\":[]},\"Service\":\"emf-stamps-test\"}";
    String textStamp = "{\"_aws\":{\"Timestamp\":\"soon\",\"CloudWatchMetrics\":[]},\"Service\":\"emf-stamps-test\"}";
    assertThat(EmfStamps.onTimeline(noStamp, Json.tree(noStamp), Timeline.scaled(60))).isSameAs(noStamp);
    assertThat(EmfStamps.onTimeline(textStamp, Json.tree(textStamp), Timeline.scaled(60))).isSameAs(textStamp);
  }
}
