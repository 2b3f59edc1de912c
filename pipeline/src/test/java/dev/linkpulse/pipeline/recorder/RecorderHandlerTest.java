package dev.linkpulse.pipeline.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.pipeline.LambdaEvents;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import dev.linkpulse.pipeline.clicks.InMemoryClickStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recorder function on an SQS event as Lambda delivers it: a click sent twice and a malformed message. */
class RecorderHandlerTest {
  private final InMemoryClickStore store = new InMemoryClickStore();
  private final ByteArrayOutputStream metricsOut = new ByteArrayOutputStream();
  private final RecorderHandler handler = new RecorderHandler(new ClickRecorder(new ClickClassifier(), store, Duration.ofDays(90)),
      new Metrics("recorder", new PrintStream(metricsOut, true, StandardCharsets.UTF_8), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));

  @Test
  void handleRequest_reportsOnlyTheMalformedMessage_andRecordsTheClickOnce() throws Exception {
    SQSEvent event = LambdaEvents.load("events/sqs-clicks-event.json", SQSEvent.class);
    SQSBatchResponse response = handler.handleRequest(event, null);

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("d9a3c5b1-0f2e-4a6d-8b7c-1e2f3a4b5c6d");
    assertThat(store.stored()).containsOnlyKeys("6f1c1c8e-3a5b-4d47-9a51-2b8e0c9d7f10");
    assertThat(store.stored().values().iterator().next().browser()).isEqualTo("Chrome");

    JsonNode line = Json.tree(metricsOut.toString(StandardCharsets.UTF_8).trim());
    assertThat(line.path("ClicksRecorded").asInt()).isEqualTo(1);
    assertThat(line.path("ClicksInvalid").asInt()).isEqualTo(1);
    assertThat(line.path("ClicksFailed").asInt()).isZero();
    assertThat(line.path("DuplicateDeliveries").asInt()).isEqualTo(1);
    assertThat(line.path("batchSize").asInt()).isEqualTo(3);
  }

  @Test
  void handleRequest_aClickTheStoreCannotWrite_failsItsMessagesForRedelivery() throws Exception {
    store.failWritesOf(Set.of("6f1c1c8e-3a5b-4d47-9a51-2b8e0c9d7f10"));
    SQSBatchResponse response = handler.handleRequest(LambdaEvents.load("events/sqs-clicks-event.json", SQSEvent.class), null);
    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactlyInAnyOrder("059f36b4-87a3-44ab-83d2-661975830a7d", "2e1424d4-f796-459a-8184-9c92662be6da",
            "d9a3c5b1-0f2e-4a6d-8b7c-1e2f3a4b5c6d");
    assertThat(Json.tree(metricsOut.toString(StandardCharsets.UTF_8).trim()).path("ClicksFailed").asInt()).isEqualTo(2);
  }

  @Test
  void aDeployDrillsDroppedFieldLeavesTheDetail_andABodyThatIsNotJsonIsLeftForTheRecorder() {
    String body = "{\"source\":\"linkpulse.redirect\",\"detail\":{\"code\":\"abc\",\"utm\":{\"source\":\"x\"}}}";
    assertThat(RecorderHandler.withoutDetailField(body, "utm")).isEqualTo("{\"source\":\"linkpulse.redirect\",\"detail\":{\"code\":\"abc\"}}");
    assertThat(RecorderHandler.withoutDetailField("not json", "utm")).isEqualTo("not json");
  }
}
