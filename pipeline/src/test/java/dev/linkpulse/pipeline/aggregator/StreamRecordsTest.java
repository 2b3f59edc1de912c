package dev.linkpulse.pipeline.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.linkpulse.pipeline.LambdaEvents;
import dev.linkpulse.pipeline.clicks.StreamClick;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

/** Reading the stream records Lambda delivers as raw clicks. */
class StreamRecordsTest {
  @Test
  void clicks_areTheInsertsOfRawClicks_andAnUnreadableOneIsCountedNotThrown() {
    // INSERT click, INSERT bot click, MODIFY click, INSERT counter, INSERT click without a time, REMOVE click.
    StreamRecords.Batch batch = StreamRecords.clicks(LambdaEvents.load("events/dynamodb-stream-event.json", DynamodbEvent.class));
    assertThat(batch.clicks()).extracting(StreamClick::sequenceNumber).containsExactly("111100000000000000001", "111100000000000000002");
    assertThat(batch.unreadable()).isEqualTo(1);

    StreamClick human = batch.clicks().get(0);
    assertThat(human.partition()).isEqualTo("CLICK#launch7#17").isEqualTo(human.click().partition());
    assertThat(human.click().event().eventId()).isEqualTo("6f1c1c8e-3a5b-4d47-9a51-2b8e0c9d7f10");
    assertThat(human.click().event().time()).isEqualTo(Instant.parse("2026-03-01T10:15:30.250Z"));
    assertThat(human.click().event().country()).isEqualTo("DE");
    assertThat(human.click().browser()).isEqualTo("Chrome");
    assertThat(human.click().bot()).isFalse();
    StreamClick bot = batch.clicks().get(1);
    assertThat(bot.click().bot()).isTrue();
    assertThat(bot.click().botReason()).isEqualTo("link-preview");
  }

  @Test
  void toSdk_convertsEveryAttributeType() {
    Map<String, AttributeValue> image = Map.of(
        "s", new AttributeValue().withS("text"),
        "n", new AttributeValue().withN("42"),
        "bool", new AttributeValue().withBOOL(true),
        "null", new AttributeValue().withNULL(true),
        "b", new AttributeValue().withB(ByteBuffer.wrap(new byte[] {1, 2})),
        "m", new AttributeValue().withM(Map.of("inner", new AttributeValue().withS("x"))),
        "l", new AttributeValue().withL(List.of(new AttributeValue().withN("1"), new AttributeValue().withS("two"))),
        "ss", new AttributeValue().withSS("a", "b"),
        "ns", new AttributeValue().withNS("1", "2"),
        "bs", new AttributeValue().withBS(ByteBuffer.wrap(new byte[] {3})));
    var sdk = StreamRecords.toSdk(image);
    assertThat(sdk.get("s").s()).isEqualTo("text");
    assertThat(sdk.get("n").n()).isEqualTo("42");
    assertThat(sdk.get("bool").bool()).isTrue();
    assertThat(sdk.get("null").nul()).isTrue();
    assertThat(sdk.get("b").b()).isEqualTo(SdkBytes.fromByteArray(new byte[] {1, 2}));
    assertThat(sdk.get("m").m().get("inner").s()).isEqualTo("x");
    assertThat(sdk.get("l").l()).extracting(v -> v.n() != null ? v.n() : v.s()).containsExactly("1", "two");
    assertThat(sdk.get("ss").ss()).containsExactly("a", "b");
    assertThat(sdk.get("ns").ns()).containsExactly("1", "2");
    assertThat(sdk.get("bs").bs()).containsExactly(SdkBytes.fromByteArray(new byte[] {3}));
  }
}
