package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.Ast.Condition;
import dev.linkpulse.emulators.dynamodb.Ast.Path;
import java.util.List;
import java.util.Set;

/** Request checks shared by the item operations: parameters, expressions, key and size limits. */
final class Requests {
  private static final Set<String> LEGACY = Set.of("Expected", "AttributeUpdates", "KeyConditions", "QueryFilter", "ScanFilter",
      "AttributesToGet", "ConditionalOperator");

  private Requests() {}

  /** Legacy (pre-expression) parameters are refused with a clear message rather than half-supported. */
  static void refuseLegacy(JsonNode request) {
    for (String name : LEGACY) {
      if (request.has(name)) {
        throw Errors.validation("The legacy parameter " + name + " is not supported by this engine; use expressions instead");
      }
    }
  }

  static String choice(JsonNode request, String field, String fallback, List<String> allowed) {
    String value = request.path(field).asText(fallback);
    if (!allowed.contains(value)) {
      throw Errors.validation(field + " " + value + " is not valid here; expected one of " + allowed);
    }
    return value;
  }

  static Condition condition(JsonNode request, String field, ExpressionContext context) {
    JsonNode text = request.get(field);
    return text == null || text.isNull() ? null : ExpressionParser.condition(text.asText(), field, context);
  }

  static List<Path> projection(JsonNode request, ExpressionContext context) {
    JsonNode text = request.get("ProjectionExpression");
    return text == null || text.isNull() ? null : ExpressionParser.projection(text.asText(), context);
  }

  static ObjectNode project(ObjectNode item, List<Path> projection) {
    return projection == null ? item : Documents.project(item, projection);
  }

  /** An item DynamoDB would store: its key right, its index keys of the declared types, within 400 KB. */
  static void requireStorable(Table t, ObjectNode item) {
    t.spec.key.requireItemKey(item);
    for (IndexSpec i : t.spec.indexes) {
      for (String name : i.schema().names()) {
        JsonNode v = item.get(name);
        if (v == null) continue;
        String expected = t.spec.attributeTypes.get(name);
        if (!expected.equals(Values.type(v))) {
          throw Errors.invalidParameter("Type mismatch for Index Key " + name + " Expected: " + expected + " Actual: " + Values.type(v)
              + " IndexName: " + i.name());
        }
        if (CapacityRules.valueSize(v) == 0) {
          throw Errors.validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported."
              + " The AttributeValue for a key attribute cannot contain an empty string value. IndexName: " + i.name() + ", IndexKey: " + name);
        }
      }
    }
    if (CapacityRules.itemSize(item) > CapacityRules.MAX_ITEM_BYTES) throw Errors.itemTooLarge();
  }

  static void putConsumed(ObjectNode response, String mode, Consumption c) {
    if (mode != null) response.set("ConsumedCapacity", c.toJson(mode));
  }
}
