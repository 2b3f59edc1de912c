package dev.linkpulse.ops.dlq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends items to a queue as they were: body, message attributes, and for a FIFO destination the message group and
 * deduplication ids (a message without a deduplication id gets its original message id, so sending it twice
 * within SQS's five-minute window enqueues it once). The X-Ray trace header travels as the system attribute it was.
 * A send counts only when SQS confirmed it (the SDK also checks the MD5 of every body SQS reports back).
 */
final class Sender {
  /** SQS caps a batch's total payload; stay well under it and send large messages alone. */
  static final int BATCH_BYTES = 200 * 1024;

  private final SqsClient sqs;
  private final Queues.Queue destination;

  Sender(SqsClient sqs, Queues.Queue destination) {
    this.sqs = sqs;
    this.destination = destination;
  }

  Queues.Queue destination() {
    return destination;
  }

  /** Splits items into sends of at most {@code max} messages and {@link #BATCH_BYTES}. */
  static List<List<Item>> chunks(List<Item> items, int max) {
    List<List<Item>> out = new ArrayList<>();
    List<Item> current = new ArrayList<>();
    long bytes = 0;
    for (Item item : items) {
      long size = item.body().getBytes(StandardCharsets.UTF_8).length + 1024L;
      if (!current.isEmpty() && (current.size() >= max || bytes + size > BATCH_BYTES)) {
        out.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(item);
      bytes += size;
    }
    if (!current.isEmpty()) out.add(current);
    return out;
  }

  /** What to do once a chunk went: {@code failed} holds the reason for each of its items that was not sent. */
  interface AfterSend {
    void sent(List<Item> chunk, Map<String, String> failed);
  }

  /** Sends all {@code items} in chunks, at most {@code pace} (null: as fast as SQS takes them), each chunk handed on. */
  void sendPaced(List<Item> items, Rate pace, AfterSend after) throws InterruptedException {
    for (List<Item> chunk : chunks(items, pace == null ? 10 : pace.chunk(10))) {
      if (pace != null) pace.acquire(chunk.size());
      after.sent(chunk, send(chunk));
    }
  }

  /** Sends one chunk (at most 10); returns the reason for each item that was not sent, by message id. */
  Map<String, String> send(List<Item> chunk) {
    Map<String, String> failed = new LinkedHashMap<>();
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    Map<String, Item> byEntry = new LinkedHashMap<>();
    for (int i = 0; i < chunk.size(); i++) {
      Item item = chunk.get(i);
      String reason = unsendable(item);
      if (reason != null) {
        failed.put(item.messageId(), reason);
        continue;
      }
      String id = Integer.toString(i);
      byEntry.put(id, item);
      entries.add(entry(id, item));
    }
    if (entries.isEmpty()) return failed;
    SendMessageBatchResponse response;
    try {
      response = sqs.sendMessageBatch(b -> b.queueUrl(destination.url()).entries(entries));
    } catch (SdkException e) {
      String reason = "send to " + destination.name() + " failed: " + Selector.oneLine(e.getMessage());
      byEntry.values().forEach(item -> failed.put(item.messageId(), reason));
      return failed;
    }
    response.failed().forEach(f -> {
      Item item = byEntry.get(f.id());
      if (item != null) failed.put(item.messageId(), "send to " + destination.name() + " refused: " + f.code() + " " + Selector.oneLine(f.message()));
    });
    return failed;
  }

  private String unsendable(Item item) {
    if (destination.fifo() && item.groupId() == null) {
      return destination.name() + " is a FIFO queue and the message has no MessageGroupId";
    }
    return null;
  }

  private SendMessageBatchRequestEntry entry(String id, Item item) {
    SendMessageBatchRequestEntry.Builder b = SendMessageBatchRequestEntry.builder().id(id).messageBody(item.body());
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    // SQS has never implemented list values; send exactly the scalar fields the message carried.
    item.messageAttributes().forEach((name, v) -> attributes.put(name, MessageAttributeValue.builder().dataType(v.dataType())
        .stringValue(v.stringValue()).binaryValue(v.binaryValue()).build()));
    if (!attributes.isEmpty()) b.messageAttributes(attributes);
    if (destination.fifo()) {
      b.messageGroupId(item.groupId());
      b.messageDeduplicationId(item.deduplicationId() != null ? item.deduplicationId() : item.messageId());
    }
    if (item.traceHeader() != null) {
      b.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
          MessageSystemAttributeValue.builder().dataType("String").stringValue(item.traceHeader()).build()));
    }
    return b.build();
  }
}
