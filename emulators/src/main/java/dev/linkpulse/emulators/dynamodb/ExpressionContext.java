package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, shared by all its expressions.
 * DynamoDB refuses a placeholder an expression uses but the request does not define, and one the request defines
 * that no expression uses: {@link #requireAllUsed()} runs once every expression of the request has been parsed.
 */
final class ExpressionContext {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, JsonNode> values = new LinkedHashMap<>();
  private final Set<String> usedNames = new TreeSet<>();
  private final Set<String> usedValues = new TreeSet<>();

  ExpressionContext(JsonNode request) {
    JsonNode n = request.path("ExpressionAttributeNames");
    JsonNode v = request.path("ExpressionAttributeValues");
    if (n.isObject() && n.isEmpty()) throw Errors.validation("ExpressionAttributeNames must not be empty");
    if (v.isObject() && v.isEmpty()) throw Errors.validation("ExpressionAttributeValues must not be empty");
    n.fields().forEachRemaining(e -> {
      if (!e.getKey().startsWith("#")) {
        throw Errors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
      }
      names.put(e.getKey(), e.getValue().asText());
    });
    v.fields().forEachRemaining(e -> {
      if (!e.getKey().startsWith(":")) {
        throw Errors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
      }
      values.put(e.getKey(), ItemValidator.value(e.getValue()));
    });
  }

  String name(String placeholder, String label) {
    String name = names.get(placeholder);
    if (name == null) {
      throw Errors.validation("Invalid " + label + ": An expression attribute name used in the document path is not defined; attribute name: " + placeholder);
    }
    usedNames.add(placeholder);
    return name;
  }

  JsonNode value(String placeholder, String label) {
    JsonNode value = values.get(placeholder);
    if (value == null) {
      throw Errors.validation("Invalid " + label + ": An expression attribute value used in expression is not defined; attribute value: " + placeholder);
    }
    usedValues.add(placeholder);
    return value;
  }

  void requireAllUsed() {
    Set<String> unusedNames = new TreeSet<>(names.keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw Errors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unusedNames) + "}");
    }
    Set<String> unusedValues = new TreeSet<>(values.keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw Errors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unusedValues) + "}");
    }
  }
}
