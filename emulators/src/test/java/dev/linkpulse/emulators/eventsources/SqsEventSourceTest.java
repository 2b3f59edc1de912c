package dev.linkpulse.emulators.eventsources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.eventsources.RecordingSqsHandler.Delivery;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.Json;
import dev.linkpulse.emulators.testing.AwsEmulators;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

@ExtendWith(AwsEmulators.class)
class SqsEventSourceTest {
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) c.close();
    AwsEmulators.assertNoThreads("sqs-esm-");
  }

  private SqsEventSource source(String queueUrl, int batchSize, int window, boolean report, int retryVisibility, int pollers) {
    return source(recorder(30), queueUrl, batchSize, window, report, retryVisibility, pollers);
  }

  private LocalFunction recorder(int timeoutSeconds) {
    LocalFunction fn = new LocalFunction("recorder", RecordingSqsHandler.class.getName(), Map.of(), timeoutSeconds, 256);
    toClose.add(fn);
    return fn;
  }

  private SqsEventSource source(LocalFunction fn, String queueUrl, int batchSize, int window, boolean report, int retryVisibility,
      int pollers) {
    SqsEventSource source = new SqsEventSource(new SqsEventSource.Config(queueUrl, AwsEmulators.queueArn(queueUrl), batchSize, window,
        report, fn, retryVisibility, pollers), AwsEmulators.sqs());
    toClose.add(source);
    return source.start();
  }

  @Test
  void everyMessageIsDeliveredExactlyOnceWhenTheHandlerSucceeds() {
    String dlq = AwsEmulators.queue("esm-ok-dlq", 0, null);
    String queue = AwsEmulators.queue("esm-ok", 3, AwsEmulators.queueArn(dlq));
    String marker = "ok-" + UUID.randomUUID();
    List<String> bodies = IntStream.range(0, 60).mapToObj(i -> marker + "-" + i).toList();
    send(queue, bodies);
    SqsEventSource source = source(queue, 10, 0, true, 1, 2);

    await().atMost(Duration.ofSeconds(30)).until(() -> source.messagesDelivered() == 60);
    List<Delivery> deliveries = RecordingSqsHandler.of(marker);
    assertThat(deliveries).hasSize(60).allSatisfy(d -> {
      assertThat(d.succeeded()).isTrue();
      assertThat(d.receiveCount()).isEqualTo(1);
      assertThat(d.batchSize()).isBetween(1, 10);
    });
    assertThat(deliveries.stream().map(Delivery::body)).containsExactlyInAnyOrderElementsOf(bodies);
    assertThat(source.messagesFailed()).isZero();
    assertThat(source.batches()).isBetween(6L, 60L);
    await().atMost(Duration.ofSeconds(30)).until(() -> depth(queue) == 0);
    assertThat(depth(dlq)).isZero();
  }

  @Test
  void aPartialBatchResponseRedeliversOnlyTheFailedMessages() {
    String queue = AwsEmulators.queue("esm-partial", 0, null);
    String marker = "partial-" + UUID.randomUUID();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 10; i++) bodies.add(marker + (i == 3 || i == 7 ? "-flaky-" : "-good-") + i);
    send(queue, bodies);
    // a window, so that all ten are likely in one batch; the assertions hold however they are batched
    SqsEventSource source = source(queue, 20, 1, true, 0, 1);

    await().atMost(Duration.ofSeconds(30)).until(() -> source.messagesDelivered() == 10);
    List<Delivery> deliveries = RecordingSqsHandler.of(marker);
    Map<String, List<Delivery>> byBody = deliveries.stream().collect(Collectors.groupingBy(Delivery::body));
    assertThat(byBody).hasSize(10);
    byBody.forEach((body, ds) -> {
      if (body.contains("flaky")) {
        assertThat(ds).extracting(Delivery::succeeded).containsExactly(false, true);
        assertThat(ds).extracting(Delivery::receiveCount).containsExactly(1, 2);
      } else {
        assertThat(ds).singleElement().satisfies(d -> assertThat(d.succeeded()).isTrue());
      }
    });
    assertThat(deliveries.stream().filter(d -> d.receiveCount() > 1)).allSatisfy(d -> assertThat(d.body()).contains("flaky"));
    assertThat(source.messagesFailed()).isEqualTo(2);
    assertThat(source.functionErrors()).isZero();
  }

  @Test
  void whenTheFunctionThrowsTheWholeBatchIsRetried() {
    String queue = AwsEmulators.queue("esm-throw", 0, null);
    String marker = "throw-" + UUID.randomUUID();
    List<String> bodies = List.of(marker + "-a", marker + "-explode", marker + "-b");
    send(queue, bodies);
    SqsEventSource source = source(queue, 10, 1, true, 0, 1);

    await().atMost(Duration.ofSeconds(30)).until(() -> source.messagesDelivered() == 3);
    List<Delivery> deliveries = RecordingSqsHandler.of(marker);
    assertThat(source.functionErrors()).isEqualTo(1);
    long failedFirst = deliveries.stream().filter(d -> !d.succeeded()).count();
    assertThat(failedFirst).isEqualTo(source.messagesFailed()).isGreaterThanOrEqualTo(1);
    assertThat(deliveries.stream().filter(Delivery::succeeded).map(Delivery::body)).containsExactlyInAnyOrderElementsOf(bodies);
  }

  /**
   * Lambda stops an invocation at the function's Timeout and the batch fails as a whole; nothing deletes its messages,
   * so they come back once the queue's visibility timeout runs out (no local speed-up here: retryVisibility -1).
   */
  @Test
  void aBatchWhoseInvocationTimedOutComesBackAfterTheVisibilityTimeoutAndIsDeliveredExactlyOnce() {
    String queue = AwsEmulators.queue("esm-timeout", 0, null);
    AwsEmulators.sqs().setQueueAttributes(b -> b.queueUrl(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2")));
    String marker = "timeout-" + UUID.randomUUID();
    List<String> bodies = List.of(marker + "-a", marker + "-hang", marker + "-b");
    send(queue, bodies);
    SqsEventSource source = source(recorder(1), queue, 10, 1, true, -1, 1);

    await().atMost(Duration.ofSeconds(60)).until(() -> source.messagesDelivered() == 3);
    List<Delivery> deliveries = RecordingSqsHandler.of(marker);
    assertThat(source.functionErrors()).as("the timed-out invocation").isEqualTo(1);
    assertThat(deliveries.stream().filter(d -> !d.succeeded())).isNotEmpty().allSatisfy(d -> assertThat(d.receiveCount()).isEqualTo(1));
    assertThat(deliveries.stream().filter(Delivery::succeeded).map(Delivery::body)).as("each exactly once").containsExactlyInAnyOrderElementsOf(bodies);
    assertThat(RecordingSqsHandler.of(marker + "-hang")).extracting(Delivery::receiveCount).containsExactly(1, 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> depth(queue) == 0);
  }

  @Test
  void aPoisonMessageEndsInTheDlqAfterMaxReceiveCount() {
    String dlq = AwsEmulators.queue("esm-poison-dlq", 0, null);
    String queue = AwsEmulators.queue("esm-poison", 2, AwsEmulators.queueArn(dlq));
    String marker = "dlq-run-" + UUID.randomUUID();
    send(queue, List.of(marker + "-good-1", marker + "-poison", marker + "-good-2"));
    SqsEventSource source = source(queue, 10, 0, true, 0, 1);

    List<Message> dead = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      dead.addAll(AwsEmulators.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages());
      return !dead.isEmpty();
    });
    assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(marker + "-poison"));
    List<Delivery> poison = RecordingSqsHandler.of(marker + "-poison");
    assertThat(poison).hasSize(2).allSatisfy(d -> assertThat(d.succeeded()).isFalse());
    assertThat(poison).extracting(Delivery::receiveCount).containsExactly(1, 2);
    assertThat(RecordingSqsHandler.of(marker + "-good")).hasSize(2).allSatisfy(d -> assertThat(d.succeeded()).isTrue());
    assertThat(source.messagesDelivered()).isEqualTo(2);
    assertThat(source.messagesFailed()).isEqualTo(2);
  }

  @Test
  void theEventHasLambdasShape() throws Exception {
    String queue = AwsEmulators.queue("esm-shape", 0, null);
    String arn = AwsEmulators.queueArn(queue);
    AwsEmulators.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"hello\":\"world\"}").messageAttributes(Map.of(
        "kind", MessageAttributeValue.builder().dataType("String").stringValue("click").build(),
        "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bytes")).build())));
    List<Message> received = AwsEmulators.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    assertThat(received).hasSize(1);

    JsonNode event = AwsEmulators.json(Json.write(SqsEventCodec.event(received, arn)));
    JsonNode r = event.get("Records").get(0);
    List<String> fields = new ArrayList<>();
    r.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody",
        "md5OfMessageAttributes", "eventSource", "eventSourceARN", "awsRegion");
    assertThat(r.get("messageId").asText()).isEqualTo(received.get(0).messageId());
    assertThat(r.get("body").asText()).isEqualTo("{\"hello\":\"world\"}");
    assertThat(r.get("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(r.get("eventSourceARN").asText()).isEqualTo(arn);
    assertThat(r.get("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(r.get("md5OfBody").asText()).isEqualTo(received.get(0).md5OfBody());
    JsonNode attributes = r.get("attributes");
    assertThat(attributes.get("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(attributes.get("SentTimestamp").asText()).matches("\\d+");
    assertThat(attributes.get("ApproximateFirstReceiveTimestamp").asText()).matches("\\d+");
    assertThat(attributes.has("SenderId")).isTrue();
    assertThat(r.at("/messageAttributes/kind")).isEqualTo(AwsEmulators.json(
        "{\"stringValue\":\"click\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}"));
    assertThat(r.at("/messageAttributes/blob/binaryValue").asText())
        .isEqualTo(Base64.getEncoder().encodeToString("bytes".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.at("/messageAttributes/blob/dataType").asText()).isEqualTo("Binary");

    // and the handler, through Lambda's own deserializer, sees the same
    AwsEmulators.sqs().changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(received.get(0).receiptHandle()).visibilityTimeout(0));
    SqsEventSource source = source(queue, 10, 0, false, 0, 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> source.messagesDelivered() == 1);
    Delivery d = RecordingSqsHandler.DELIVERIES.stream().filter(x -> x.messageId().equals(received.get(0).messageId())).findFirst().orElseThrow();
    assertThat(d.message().getEventSourceArn()).isEqualTo(arn);
    assertThat(d.message().getMessageAttributes().get("kind").getStringValue()).isEqualTo("click");
    assertThat(StandardCharsets.UTF_8.decode(d.message().getMessageAttributes().get("blob").getBinaryValue()).toString()).isEqualTo("bytes");
    assertThat(d.receiveCount()).isEqualTo(2);
  }

  @Test
  void configIsValidatedAsAwsValidatesIt() {
    LocalFunction fn = new LocalFunction("recorder", RecordingSqsHandler.class.getName(), Map.of(), 30, 256);
    Function<int[], SqsEventSource.Config> config = a -> new SqsEventSource.Config("http://q", "arn:aws:sqs:us-east-1:000000000000:q",
        a[0], a[1], false, fn, 1);
    assertThatThrownBy(() -> config.apply(new int[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.apply(new int[] {10_001, 1})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.apply(new int[] {11, 0})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumBatchingWindowSeconds >= 1");
    assertThatThrownBy(() -> config.apply(new int[] {10, 301})).isInstanceOf(IllegalArgumentException.class);
    assertThat(config.apply(new int[] {100, 1}).pollers()).isEqualTo(1);
  }

  private static void send(String queue, List<String> bodies) {
    for (int from = 0; from < bodies.size(); from += 10) {
      List<String> chunk = bodies.subList(from, Math.min(bodies.size(), from + 10));
      List<SendMessageBatchRequestEntry> entries = IntStream.range(0, chunk.size())
          .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(chunk.get(i)).build()).toList();
      assertThat(AwsEmulators.sqs().sendMessageBatch(b -> b.queueUrl(queue).entries(entries)).failed()).isEmpty();
    }
  }

  private static long depth(String queue) {
    Map<QueueAttributeName, String> a = AwsEmulators.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }
}
