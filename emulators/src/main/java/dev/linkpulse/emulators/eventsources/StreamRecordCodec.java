package dev.linkpulse.emulators.eventsources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.Json;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** A DynamoDB Streams record as Lambda delivers it to a function: the event's JSON, images in DynamoDB JSON. */
final class StreamRecordCodec {
  private StreamRecordCodec() {}

  static ObjectNode recordJson(Record record, String streamArn) {
    ObjectNode r = Json.object();
    r.put("eventID", record.eventID());
    r.put("eventName", record.eventNameAsString());
    r.put("eventVersion", "1.1");
    r.put("eventSource", "aws:dynamodb");
    r.put("awsRegion", AwsAccount.REGION);
    StreamRecord s = record.dynamodb();
    ObjectNode d = r.putObject("dynamodb");
    if (s.approximateCreationDateTime() != null) d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
    if (s.hasKeys()) d.set("Keys", item(s.keys()));
    if (s.hasNewImage()) d.set("NewImage", item(s.newImage()));
    if (s.hasOldImage()) d.set("OldImage", item(s.oldImage()));
    d.put("SequenceNumber", s.sequenceNumber());
    if (s.sizeBytes() != null) d.put("SizeBytes", s.sizeBytes());
    if (s.streamViewTypeAsString() != null) d.put("StreamViewType", s.streamViewTypeAsString());
    if (record.userIdentity() != null) {
      r.putObject("userIdentity").put("type", record.userIdentity().type()).put("principalId", record.userIdentity().principalId());
    }
    r.put("eventSourceARN", streamArn);
    return r;
  }

  static ObjectNode item(Map<String, AttributeValue> item) {
    ObjectNode o = Json.object();
    item.forEach((name, value) -> o.set(name, value(value)));
    return o;
  }

  /** An attribute value in DynamoDB JSON. */
  static ObjectNode value(AttributeValue v) {
    ObjectNode o = Json.object();
    switch (v.type()) {
      case S -> o.put("S", v.s());
      case N -> o.put("N", v.n());
      case B -> o.put("B", v.b().asByteArray());
      case SS -> v.ss().forEach(o.putArray("SS")::add);
      case NS -> v.ns().forEach(o.putArray("NS")::add);
      case BS -> {
        ArrayNode a = o.putArray("BS");
        v.bs().forEach(b -> a.add(b.asByteArray()));
      }
      case M -> o.set("M", item(v.m()));
      case L -> {
        ArrayNode a = o.putArray("L");
        v.l().forEach(e -> a.add(value(e)));
      }
      case NUL -> o.put("NULL", true);
      case BOOL -> o.put("BOOL", v.bool());
      default -> throw new IllegalArgumentException("unknown attribute value type: " + v);
    }
    return o;
  }
}
