package dev.linkpulse.ops.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.CapacityRules;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's published sizing rules, applied to the requests a workload actually makes: the rules themselves are
 * {@link CapacityRules}, the one implementation the DynamoDB engine reports {@code ConsumedCapacity} with; this class
 * only turns SDK values into the wire shape those rules read.
 */
final class WriteCost {
  static final int TRANSACTION_MULTIPLIER = CapacityRules.TRANSACTION_MULTIPLIER;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private WriteCost() {}

  static int wcu(long itemBytes) {
    return CapacityRules.writeUnits(itemBytes);
  }

  static long itemSize(Map<String, AttributeValue> item) {
    return CapacityRules.itemSize(wire(item));
  }

  private static ObjectNode wire(Map<String, AttributeValue> item) {
    ObjectNode out = JSON.objectNode();
    item.forEach((name, value) -> out.set(name, wire(value)));
    return out;
  }

  private static ObjectNode wire(AttributeValue v) {
    ObjectNode out = JSON.objectNode();
    switch (v.type()) {
      case S -> out.put("S", v.s());
      case N -> out.put("N", v.n());
      case B -> out.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
      case BOOL -> out.put("BOOL", v.bool());
      case NUL -> out.put("NULL", true);
      case SS -> v.ss().forEach(out.putArray("SS")::add);
      case NS -> v.ns().forEach(out.putArray("NS")::add);
      case BS -> v.bs().forEach(b -> out.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
      case M -> out.set("M", wire(v.m()));
      case L -> v.l().forEach(e -> out.withArray("L").add(wire(e)));
      default -> throw new IllegalArgumentException("unknown attribute value type: " + v);
    }
    return out;
  }
}
