package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A global secondary index: its key and which attributes it projects (ALL, KEYS_ONLY or INCLUDE). */
record IndexSpec(String name, KeySchema schema, String projectionType, List<String> nonKeyAttributes) {
  static IndexSpec parse(JsonNode gsi, Map<String, String> attributeTypes) {
    String name = gsi.path("IndexName").asText("");
    if (name.length() < 3 || name.length() > 255 || !name.matches("[a-zA-Z0-9_.-]+")) {
      throw Errors.validation("1 validation error detected: Value '" + name
          + "' at 'globalSecondaryIndexes.member.indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    KeySchema schema = KeySchema.parse(gsi.path("KeySchema"), attributeTypes, "globalSecondaryIndexes.member.keySchema");
    JsonNode projection = gsi.path("Projection");
    String type = projection.path("ProjectionType").asText("");
    if (!List.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
      throw Errors.invalidParameter("Unknown ProjectionType: " + type);
    }
    List<String> nonKey = new ArrayList<>();
    projection.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
    if (type.equals("INCLUDE") == nonKey.isEmpty()) {
      throw Errors.invalidParameter(type.equals("INCLUDE") ? "NonKeyAttributes must not be empty for ProjectionType INCLUDE"
          : "ProjectionType is " + type + ", but NonKeyAttributes is specified");
    }
    return new IndexSpec(name, schema, type, List.copyOf(nonKey));
  }

  /** The index entry for an item: the item itself, or its keys plus the included attributes. */
  ObjectNode project(ObjectNode item, KeySchema tableKey) {
    if (projectionType.equals("ALL")) return item;
    ObjectNode out = Values.JSON.createObjectNode();
    for (String n : tableKey.names()) out.set(n, item.get(n));
    for (String n : schema.names()) out.set(n, item.get(n));
    for (String n : nonKeyAttributes) if (item.has(n)) out.set(n, item.get(n));
    return out;
  }

  ObjectNode toJson() {
    ObjectNode out = Values.JSON.createObjectNode().put("IndexName", name);
    out.set("KeySchema", schema.toJson());
    ObjectNode projection = out.putObject("Projection").put("ProjectionType", projectionType);
    if (!nonKeyAttributes.isEmpty()) nonKeyAttributes.forEach(projection.putArray("NonKeyAttributes")::add);
    return out;
  }
}
