package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payload template (Parameters, ResultSelector, ItemSelector): JSON whose fields named {@code key.$} take
 * their value from a path into the input ({@code $.x}), the context object ({@code $$.Execution.Name}) or an
 * intrinsic function; every other value is copied as written. Compiled once, so a bad path fails creation.
 */
final class PayloadTemplate {
  private interface Node {
    JsonNode render(JsonNode input, JsonNode context);
  }

  private final Node root;

  private PayloadTemplate(Node root) {
    this.root = root;
  }

  /** {@code where} names the field in error messages, e.g. {@code /States/Reserve/Parameters}. */
  static PayloadTemplate compile(JsonNode template, String where) {
    return new PayloadTemplate(node(template, where));
  }

  JsonNode render(JsonNode input, JsonNode context) {
    return root.render(input, context);
  }

  /** A single {@code .$} value: a path or an intrinsic call. */
  private static Node dynamic(String expression, String where) {
    try {
      if (Intrinsic.isCall(expression)) {
        Intrinsic.Call call = Intrinsic.parse(expression);
        return call::eval;
      }
      JsonPath path = JsonPath.parse(expression);
      return (input, context) -> path.select(path.context() ? context : input);
    } catch (IllegalArgumentException e) {
      throw new DefinitionError(where, e.getMessage());
    }
  }

  /** Evaluates one {@code .$}-style expression (used by Fail's ErrorPath/CausePath). */
  static JsonNode evaluate(String expression, String where, JsonNode input, JsonNode context) {
    return dynamic(expression, where).render(input, context);
  }

  private static Node node(JsonNode template, String where) {
    if (template.isObject()) return object((ObjectNode) template, where);
    if (template.isArray()) {
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < template.size(); i++) items.add(node(template.get(i), where + "/" + i));
      return (input, context) -> {
        ArrayNode out = Json.array();
        for (Node item : items) out.add(item.render(input, context));
        return out;
      };
    }
    JsonNode constant = template.deepCopy();
    return (input, context) -> constant;
  }

  private static Node object(ObjectNode template, String where) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      String at = where + "/" + key;
      if (key.endsWith(".$")) {
        if (!field.getValue().isTextual()) throw new DefinitionError(at, "a field ending in .$ takes a path or an intrinsic function, as a string");
        String name = key.substring(0, key.length() - 2);
        if (fields.containsKey(name)) throw new DefinitionError(at, "field '" + name + "' is given twice");
        fields.put(name, dynamic(field.getValue().asText(), at));
      } else {
        if (fields.containsKey(key)) throw new DefinitionError(at, "field '" + key + "' is given twice");
        fields.put(key, node(field.getValue(), at));
      }
    }
    return (input, context) -> {
      ObjectNode out = Json.object();
      fields.forEach((name, value) -> out.set(name, value.render(input, context)));
      return out;
    };
  }
}
