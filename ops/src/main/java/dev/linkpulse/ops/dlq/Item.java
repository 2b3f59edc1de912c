package dev.linkpulse.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One message as the tool keeps it: what it needs to send it again (body, message attributes, FIFO group and
 * deduplication ids, trace header) and what it shows (id, receive count, sent time, other system attributes).
 * Its JSON form is one line of a backup file:
 *
 * <pre>
 * {"messageId":"…","queue":"arn:aws:sqs:…:ClicksDLQ","backedUpAt":"2026-…Z","body":"…","md5OfBody":"…",
 *  "attributes":{"ApproximateReceiveCount":"6","SentTimestamp":"1790000000000","MessageGroupId":"…",
 *                "MessageDeduplicationId":"…","AWSTraceHeader":"…",…},
 *  "messageAttributes":{"name":{"dataType":"String","stringValue":"…"},"bin":{"dataType":"Binary","binaryValue":"<base64>"}}}
 * </pre>
 */
public record Item(String messageId, String body, String md5OfBody, Map<String, String> attributes,
    Map<String, MessageAttributeValue> messageAttributes) {

  public static final String GROUP_ID = "MessageGroupId";
  public static final String DEDUP_ID = "MessageDeduplicationId";
  public static final String TRACE_HEADER = "AWSTraceHeader";
  public static final String RECEIVE_COUNT = "ApproximateReceiveCount";
  public static final String SENT = "SentTimestamp";

  public Item {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
  }

  public static Item of(Message m) {
    return new Item(m.messageId(), m.body(), m.md5OfBody(), new LinkedHashMap<>(m.attributesAsStrings()),
        m.hasMessageAttributes() ? new LinkedHashMap<>(m.messageAttributes()) : Map.of());
  }

  public String groupId() {
    return attributes.get(GROUP_ID);
  }

  public String deduplicationId() {
    return attributes.get(DEDUP_ID);
  }

  public String traceHeader() {
    return attributes.get(TRACE_HEADER);
  }

  public Instant sent() {
    String s = attributes.get(SENT);
    try {
      return s == null ? null : Instant.ofEpochMilli(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public String receiveCount() {
    return attributes.get(RECEIVE_COUNT);
  }

  public ObjectNode toJson(String queue, Instant backedUpAt) {
    ObjectNode o = Json.object();
    o.put("messageId", messageId);
    if (queue != null) o.put("queue", queue);
    if (backedUpAt != null) o.put("backedUpAt", backedUpAt.toString());
    o.put("body", body);
    if (md5OfBody != null) o.put("md5OfBody", md5OfBody);
    ObjectNode a = o.putObject("attributes");
    attributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> a.put(e.getKey(), e.getValue()));
    ObjectNode ma = o.putObject("messageAttributes");
    messageAttributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> ma.set(e.getKey(), attribute(e.getValue())));
    return o;
  }

  private static ObjectNode attribute(MessageAttributeValue v) {
    ObjectNode a = Json.object();
    a.put("dataType", v.dataType());
    if (v.stringValue() != null) a.put("stringValue", v.stringValue());
    if (v.binaryValue() != null) a.put("binaryValue", Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
    if (v.hasStringListValues() && !v.stringListValues().isEmpty()) {
      ArrayNode l = a.putArray("stringListValues");
      v.stringListValues().forEach(l::add);
    }
    if (v.hasBinaryListValues() && !v.binaryListValues().isEmpty()) {
      ArrayNode l = a.putArray("binaryListValues");
      v.binaryListValues().forEach(b -> l.add(Base64.getEncoder().encodeToString(b.asByteArray())));
    }
    return a;
  }

  /** Reads one backup line; throws IllegalArgumentException with the reason when it is not one. */
  public static Item fromJson(JsonNode o) {
    if (o == null || !o.isObject()) throw new IllegalArgumentException("not a JSON object");
    JsonNode body = o.get("body");
    if (body == null || !body.isTextual()) throw new IllegalArgumentException("no \"body\" string");
    String id = o.path("messageId").isTextual() ? o.get("messageId").asText() : null;
    Map<String, String> attrs = new LinkedHashMap<>();
    JsonNode a = o.path("attributes");
    if (!a.isMissingNode() && !a.isNull()) {
      if (!a.isObject()) throw new IllegalArgumentException("\"attributes\" is not an object");
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getValue().isValueNode()) throw new IllegalArgumentException("attribute " + e.getKey() + " is not a string");
        attrs.put(e.getKey(), e.getValue().asText());
      }
    }
    Map<String, MessageAttributeValue> mas = new LinkedHashMap<>();
    JsonNode ma = o.path("messageAttributes");
    if (!ma.isMissingNode() && !ma.isNull()) {
      if (!ma.isObject()) throw new IllegalArgumentException("\"messageAttributes\" is not an object");
      for (Iterator<Map.Entry<String, JsonNode>> it = ma.fields(); it.hasNext(); ) {
        var e = it.next();
        mas.put(e.getKey(), attribute(e.getKey(), e.getValue()));
      }
    }
    return new Item(id, body.asText(), o.path("md5OfBody").isTextual() ? o.get("md5OfBody").asText() : null, attrs, mas);
  }

  private static MessageAttributeValue attribute(String name, JsonNode v) {
    if (!v.isObject() || !v.path("dataType").isTextual()) throw new IllegalArgumentException("message attribute " + name + " has no dataType");
    MessageAttributeValue.Builder b = MessageAttributeValue.builder().dataType(v.get("dataType").asText());
    try {
      if (v.path("stringValue").isTextual()) b.stringValue(v.get("stringValue").asText());
      if (v.path("binaryValue").isTextual()) b.binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.get("binaryValue").asText())));
      if (v.path("stringListValues").isArray()) {
        List<String> l = new ArrayList<>();
        v.get("stringListValues").forEach(x -> l.add(x.asText()));
        b.stringListValues(l);
      }
      if (v.path("binaryListValues").isArray()) {
        List<SdkBytes> l = new ArrayList<>();
        v.get("binaryListValues").forEach(x -> l.add(SdkBytes.fromByteArray(Base64.getDecoder().decode(x.asText()))));
        b.binaryListValues(l);
      }
    } catch (IllegalArgumentException badBase64) {
      throw new IllegalArgumentException("message attribute " + name + ": binary value is not base64");
    }
    return b.build();
  }
}
