package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an AWS Query request body ({@code Action=PutMetricData&MetricData.member.1.MetricName=...}) into the
 * same tree a JSON client sends: {@code X.member.N} is element N of list X, other dotted segments nest structures,
 * and every value stays text (the readers in {@link Params} parse it). {@code X=} with no members is the
 * protocol's empty list, and reads as one.
 */
final class QueryForm {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private QueryForm() {}

  /** The decoded parameters, Action and Version included. */
  static ObjectNode decode(String body) {
    ObjectNode root = NODES.objectNode();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      put(root, key.split("\\."), value);
    }
    return root;
  }

  private static void put(ObjectNode root, String[] path, String value) {
    ObjectNode object = root;
    int i = 0;
    while (true) {
      String name = path[i];
      boolean list = i + 2 < path.length && path[i + 1].equals("member");
      if (!list) {
        if (i == path.length - 1) {
          if (!object.has(name)) object.put(name, value);
          return;
        }
        JsonNode child = object.get(name);
        object = child instanceof ObjectNode o ? o : object.putObject(name);
        i++;
        continue;
      }
      ArrayNode array = object.get(name) instanceof ArrayNode a ? a : object.putArray(name);
      int index = index(path[i + 2]);
      while (array.size() <= index) array.addNull();
      if (i + 3 == path.length) {
        array.set(index, NODES.textNode(value));
        return;
      }
      JsonNode element = array.get(index);
      if (!(element instanceof ObjectNode)) {
        element = NODES.objectNode();
        array.set(index, element);
      }
      object = (ObjectNode) element;
      i += 3;
    }
  }

  private static int index(String segment) {
    try {
      int n = Integer.parseInt(segment);
      if (n >= 1 && n <= 100_000) return n - 1;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CloudWatchErrors.validation("Malformed list index '" + segment + "' in a query parameter");
  }
}
