package dev.linkpulse.pipeline.aggregator;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.LinkCodes;
import dev.linkpulse.pipeline.clicks.RawClick;
import dev.linkpulse.pipeline.clicks.StreamClick;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/** Turns the stream records Lambda delivers into {@link StreamClick}s (Lambda's attribute type into the SDK's). */
final class StreamRecords {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(StreamRecords.class.getName());
  private StreamRecords() {}

  /** The raw clicks of a batch, and how many records could not be read as one. */
  record Batch(List<StreamClick> clicks, int unreadable) {}

  /**
   * INSERTs of raw clicks only (the mapping's filter already drops the rest; this is the second line of defence).
   * A record that cannot be read as a raw click is counted and skipped, never thrown: the mapping retries a
   * failing batch forever, so one poison record would otherwise stop the shard.
   */
  static Batch clicks(DynamodbEvent event) {
    List<StreamClick> out = new ArrayList<>();
    int unreadable = 0;
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null || record.getDynamodb().getNewImage() == null) continue;
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image = toSdk(record.getDynamodb().getNewImage());
      var pk = image.get(Keys.PK);
      if (pk == null || pk.s() == null || !pk.s().startsWith(Keys.CLICK_PREFIX)) continue;
      try {
        out.add(new StreamClick(record.getDynamodb().getSequenceNumber(), pk.s(), RawClick.fromItem(image)));
      } catch (RuntimeException e) {
        unreadable++;
        LOG.warning("unreadable raw click " + pk.s() + " at sequence " + record.getDynamodb().getSequenceNumber() + ": " + e);
      }
    }
    return new Batch(out, unreadable);
  }

  /**
   * The codes of the links a batch deleted: REMOVEs of link items (the mapping's second filter). Their subscriptions
   * end now, not at their next push.
   */
  static List<String> deletedLinks(DynamodbEvent event) {
    List<String> codes = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      if (!"REMOVE".equals(record.getEventName()) || record.getDynamodb() == null || record.getDynamodb().getKeys() == null) continue;
      AttributeValue pk = record.getDynamodb().getKeys().get(Keys.PK);
      if (pk == null || pk.getS() == null || !pk.getS().startsWith(Keys.LINK_PREFIX)) continue;
      String code = pk.getS().substring(Keys.LINK_PREFIX.length());
      if (LinkCodes.possible(code) && !codes.contains(code)) codes.add(code);
    }
    return codes;
  }

  static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Map<String, AttributeValue> image) {
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new LinkedHashMap<>();
    image.forEach((k, v) -> out.put(k, toSdk(v)));
    return out;
  }

  static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
    var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
    if (v.getS() != null) return b.s(v.getS()).build();
    if (v.getN() != null) return b.n(v.getN()).build();
    if (v.getBOOL() != null) return b.bool(v.getBOOL()).build();
    if (v.getNULL() != null) return b.nul(v.getNULL()).build();
    if (v.getB() != null) return b.b(SdkBytes.fromByteBuffer(v.getB())).build();
    if (v.getM() != null) return b.m(toSdk(v.getM())).build();
    if (v.getL() != null) return b.l(v.getL().stream().map(StreamRecords::toSdk).toList()).build();
    if (v.getSS() != null) return b.ss(v.getSS()).build();
    if (v.getNS() != null) return b.ns(v.getNS()).build();
    if (v.getBS() != null) return b.bs(v.getBS().stream().map(SdkBytes::fromByteBuffer).toList()).build();
    return b.nul(true).build();
  }
}
