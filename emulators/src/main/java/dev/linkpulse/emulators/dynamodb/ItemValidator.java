package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks attribute values as they arrive and returns them normalised (numbers without padding zeros): exactly one
 * type per value, numbers within DynamoDB's range, sets non-empty and without duplicates, binaries valid base64.
 */
final class ItemValidator {
  private ItemValidator() {}

  static ObjectNode item(JsonNode item, String what) {
    if (item == null || !item.isObject()) throw Errors.validation(what + " must be a map of attribute names to values");
    ObjectNode out = Values.JSON.createObjectNode();
    for (var it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().isEmpty()) throw Errors.invalidParameter("An AttributeValue may not contain an empty attribute name");
      out.set(e.getKey(), value(e.getValue()));
    }
    return out;
  }

  static ObjectNode value(JsonNode value) {
    String type = Values.type(value);
    if (type == null) throw Errors.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    JsonNode body = value.get(type);
    return switch (type) {
      case "S" -> requireText(type, body, value);
      case "N" -> Values.n(Values.number(textOf(body)));
      case "B" -> {
        Values.bytes(requireText(type, body, value).get("B"));
        yield value.deepCopy();
      }
      case "BOOL" -> {
        if (!body.isBoolean()) throw Errors.serialization("BOOL must be a boolean");
        yield value.deepCopy();
      }
      case "NULL" -> {
        if (!body.isBoolean() || !body.asBoolean()) throw Errors.invalidParameter("Null attribute value types must have the value of true");
        yield value.deepCopy();
      }
      case "M" -> {
        if (!body.isObject()) throw Errors.serialization("M must be a map");
        yield Values.of("M", item(body, "M"));
      }
      case "L" -> {
        if (!body.isArray()) throw Errors.serialization("L must be a list");
        ArrayNode list = Values.array();
        body.forEach(v -> list.add(value(v)));
        yield Values.of("L", list);
      }
      default -> set(type, body);
    };
  }

  private static ObjectNode requireText(String type, JsonNode body, JsonNode value) {
    if (!body.isTextual()) throw Errors.serialization(type + " must be a string");
    return (ObjectNode) value.deepCopy();
  }

  private static String textOf(JsonNode body) {
    if (!body.isTextual() && !body.isNumber()) throw Errors.serialization("N must be a string");
    return body.asText();
  }

  private static ObjectNode set(String type, JsonNode body) {
    String name = switch (type) {
      case "SS" -> "string";
      case "NS" -> "number";
      default -> "binary";
    };
    if (!body.isArray()) throw Errors.serialization(type + " must be a list");
    if (body.isEmpty()) throw Errors.invalidParameter("An " + name + " set  may not be empty");
    ArrayNode members = Values.array();
    Set<String> seen = new HashSet<>();
    List<String> texts = new ArrayList<>();
    for (JsonNode m : body) {
      if (!m.isTextual()) throw Errors.serialization(type + " members must be strings");
      String key = Values.memberKey(type, m);
      texts.add(m.asText());
      if (!seen.add(key)) throw Errors.invalidParameter("Input collection " + texts + " contains duplicates.");
      if (type.equals("NS")) members.add(key);
      else members.add(m.asText());
    }
    return Values.of(type, members);
  }
}
