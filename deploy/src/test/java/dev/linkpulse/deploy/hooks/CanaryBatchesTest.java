package dev.linkpulse.deploy.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.clicks.ClickEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The probes' batches read, through the serializer Lambda's Java runtime uses, as the events the handlers take. */
class CanaryBatchesTest {
  final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void theRecorderBatchIsAnSqsEventOfValidCanaryClicks() throws Exception {
    SQSEvent event = read(CanaryBatches.recorderBatch("lp-canary", clock), SQSEvent.class);
    assertThat(event.getRecords()).hasSize(CanaryBatches.CLICKS);
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      var envelope = Json.tree(m.getBody());
      assertThat(envelope.path("source").asText()).isEqualTo(ClickEvent.SOURCE);
      ClickEvent click = ClickEvent.fromDetail(envelope.get("detail"));
      assertThat(click.code()).isEqualTo("lp-canary");
      assertThat(click.source()).startsWith("canary-pre");
    }
  }

  @Test
  void theAggregatorBatchIsInsertsOfRawClicksAtTheLowestSequenceNumbers() throws Exception {
    DynamodbEvent event = read(CanaryBatches.aggregatorBatch("lp-canary", clock), DynamodbEvent.class);
    assertThat(event.getRecords()).hasSize(CanaryBatches.CLICKS).allSatisfy(r -> {
      assertThat(r.getEventName()).isEqualTo("INSERT");
      assertThat(r.getDynamodb().getKeys().get(Keys.PK).getS()).startsWith(Keys.CLICK_PREFIX);
      assertThat(r.getDynamodb().getNewImage()).containsKeys(Keys.PK, Keys.SK);
    });
    assertThat(event.getRecords()).extracting(r -> r.getDynamodb().getSequenceNumber()).containsExactly("1", "2", "3", "4", "5");
  }

  private static <T> T read(String json, Class<T> type) {
    return LambdaEventSerializers.serializerFor(type, CanaryBatchesTest.class.getClassLoader())
        .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
