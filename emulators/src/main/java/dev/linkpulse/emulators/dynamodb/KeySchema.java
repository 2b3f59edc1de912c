package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** A table's or index's key: a partition (HASH) attribute and an optional sort (RANGE) attribute, with their types. */
record KeySchema(String hash, String hashType, String range, String rangeType) {
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  static final int MAX_SORT_KEY_BYTES = 1024;

  static KeySchema parse(JsonNode keySchema, Map<String, String> attributeTypes, String where) {
    if (!keySchema.isArray() || keySchema.isEmpty() || keySchema.size() > 2) {
      throw Errors.validation("1 validation error detected: Value '" + keySchema + "' at '" + where
          + "' failed to satisfy constraint: Member must have length less than or equal to 2");
    }
    String hash = null;
    String range = null;
    for (JsonNode element : keySchema) {
      String name = element.path("AttributeName").asText();
      String type = element.path("KeyType").asText();
      if (type.equals("HASH") && hash == null) hash = name;
      else if (type.equals("RANGE") && range == null && hash != null) range = name;
      else throw Errors.invalidParameter("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (hash == null) throw Errors.invalidParameter("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    if (hash.equals(range)) throw Errors.invalidParameter("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    return new KeySchema(hash, attributeTypes.get(hash), range, range == null ? null : attributeTypes.get(range));
  }

  Set<String> names() {
    return range == null ? Set.of(hash) : Set.of(hash, range);
  }

  ArrayNode toJson() {
    ArrayNode out = Values.array();
    out.addObject().put("AttributeName", hash).put("KeyType", "HASH");
    if (range != null) out.addObject().put("AttributeName", range).put("KeyType", "RANGE");
    return out;
  }

  /** The key attributes of {@code item} (which must have them). */
  ObjectNode keyOf(ObjectNode item) {
    ObjectNode key = Values.JSON.createObjectNode();
    key.set(hash, item.get(hash));
    if (range != null) key.set(range, item.get(range));
    return key;
  }

  /** True when {@code item} carries this key with the declared types (a sparse index skips items that do not). */
  boolean covers(ObjectNode item) {
    return hashType.equals(Values.type(item.get(hash))) && (range == null || rangeType.equals(Values.type(item.get(range))));
  }

  /** Checks a request's Key: exactly the key attributes, of the declared types, non-empty and within size limits. */
  ObjectNode requireKey(JsonNode rawKey) {
    ObjectNode key = ItemValidator.item(rawKey, "Key");
    if (key.size() != names().size() || !names().stream().allMatch(key::has)) throw Errors.keyMismatch();
    checkKeyValue(hash, hashType, key.get(hash), true);
    if (range != null) checkKeyValue(range, rangeType, key.get(range), false);
    return key;
  }

  /** Checks an item's key attributes as PutItem does. */
  void requireItemKey(ObjectNode item) {
    for (String name : names()) {
      if (!item.has(name)) throw Errors.invalidParameter("Missing the key " + name + " in the item");
    }
    checkKeyValue(hash, hashType, item.get(hash), true);
    if (range != null) checkKeyValue(range, rangeType, item.get(range), false);
  }

  private static void checkKeyValue(String name, String type, JsonNode value, boolean partition) {
    String actual = Values.type(value);
    if (!type.equals(actual)) {
      if (!Set.of("S", "N", "B").contains(actual)) throw Errors.keyMismatch();
      throw Errors.invalidParameter("Type mismatch for key " + name + " expected: " + type + " actual: " + actual);
    }
    long bytes = CapacityRules.valueSize(value);
    if (bytes == 0) {
      throw Errors.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
          + (type.equals("S") ? "string" : "binary") + " value. Key: " + name);
    }
    if (partition && bytes > MAX_PARTITION_KEY_BYTES) {
      throw Errors.invalidParameter("Size of hashkey has exceeded the maximum size limit of " + MAX_PARTITION_KEY_BYTES + " bytes");
    }
    if (!partition && bytes > MAX_SORT_KEY_BYTES) {
      throw Errors.invalidParameter("Aggregated size of all range keys has exceeded the size limit of " + MAX_SORT_KEY_BYTES + " bytes");
    }
  }
}
