package dev.linkpulse.emulators.eventsources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.Json;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The SQS event a function receives from its mapping, record by record as Lambda builds it. */
final class SqsEventCodec {
  private static final List<String> PASSED_ATTRIBUTES = List.of("ApproximateReceiveCount", "SentTimestamp", "SequenceNumber",
      "MessageGroupId", "SenderId", "MessageDeduplicationId", "ApproximateFirstReceiveTimestamp", "AWSTraceHeader",
      "DeadLetterQueueSourceArn");

  private SqsEventCodec() {}

  /** The SQS event exactly as Lambda builds it. */
  static ObjectNode event(List<Message> batch, String queueArn) {
    ObjectNode event = Json.object();
    ArrayNode records = event.putArray("Records");
    for (Message m : batch) {
      ObjectNode r = records.addObject();
      r.put("messageId", m.messageId());
      r.put("receiptHandle", m.receiptHandle());
      r.put("body", m.body());
      ObjectNode attributes = r.putObject("attributes");
      Map<String, String> system = m.attributesAsStrings();
      for (String name : PASSED_ATTRIBUTES) {
        String v = system.get(name);
        if (v != null) attributes.put(name, v);
      }
      ObjectNode messageAttributes = r.putObject("messageAttributes");
      m.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
      r.put("md5OfBody", m.md5OfBody());
      if (m.md5OfMessageAttributes() != null) r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", queueArn);
      r.put("awsRegion", AwsAccount.REGION);
    }
    return event;
  }

  private static ObjectNode attribute(MessageAttributeValue value) {
    ObjectNode a = Json.object();
    if (value.stringValue() != null) a.put("stringValue", value.stringValue());
    if (value.binaryValue() != null) a.put("binaryValue", value.binaryValue().asByteArray());
    ArrayNode strings = a.putArray("stringListValues");
    value.stringListValues().forEach(strings::add);
    ArrayNode binaries = a.putArray("binaryListValues");
    for (SdkBytes b : value.binaryListValues()) binaries.add(b.asByteArray());
    a.put("dataType", value.dataType());
    return a;
  }
}
