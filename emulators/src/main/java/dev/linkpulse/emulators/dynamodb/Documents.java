package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.Ast.Path;
import java.util.List;

/** Reads and writes document paths ({@code a.b[2].c}) in an item, as projection and update expressions do. */
final class Documents {
  private Documents() {}

  /** The value at {@code path}, or null when any step of it is missing or of the wrong type. */
  static JsonNode get(ObjectNode item, Path path) {
    JsonNode current = item.get(path.top());
    for (Object step : path.elements().subList(1, path.elements().size())) {
      if (current == null) return null;
      current = child(current, step);
    }
    return current;
  }

  private static JsonNode child(JsonNode value, Object step) {
    String type = Values.type(value);
    if (step instanceof Integer i) return "L".equals(type) ? value.get("L").get(i) : null;
    return "M".equals(type) ? value.get("M").get((String) step) : null;
  }

  /** Where a path's last step lands: its container (null when missing) and the step into it. */
  private record Slot(JsonNode parent, String parentType, Object last) {}

  private static Slot slot(ObjectNode item, Path path) {
    List<Object> steps = path.elements();
    JsonNode parent = get(item, new Path(steps.subList(0, steps.size() - 1)));
    return new Slot(parent, parent == null ? null : Values.type(parent), steps.get(steps.size() - 1));
  }

  /**
   * Sets {@code path} in {@code item} (changed in place; the caller owns a copy). Every step but the last must
   * exist; an index past a list's end appends, as DynamoDB does.
   */
  static void set(ObjectNode item, Path path, JsonNode value) {
    if (path.elements().size() == 1) {
      item.set(path.top(), value);
      return;
    }
    Slot slot = slot(item, path);
    if (slot.last() instanceof Integer i && "L".equals(slot.parentType())) {
      ArrayNode list = (ArrayNode) slot.parent().get("L");
      if (i < list.size()) list.set(i, value);
      else list.add(value);
    } else if (slot.last() instanceof String name && "M".equals(slot.parentType())) {
      ((ObjectNode) slot.parent().get("M")).set(name, value);
    } else {
      throw invalidPath();
    }
  }

  /** Removes {@code path}; a missing one is not an error. Removing a list element shifts the ones after it. */
  static void remove(ObjectNode item, Path path) {
    if (path.elements().size() == 1) {
      item.remove(path.top());
      return;
    }
    Slot slot = slot(item, path);
    if (slot.last() instanceof Integer i && "L".equals(slot.parentType())) {
      ArrayNode list = (ArrayNode) slot.parent().get("L");
      if (i < list.size()) list.remove(i);
    } else if (slot.last() instanceof String name && "M".equals(slot.parentType())) {
      ((ObjectNode) slot.parent().get("M")).remove(name);
    } else if (slot.parent() != null) {
      throw invalidPath();
    }
  }

  static RuntimeException invalidPath() {
    return Errors.validation("The document path provided in the update expression is invalid for update");
  }

  /** Copies only {@code paths} of {@code item} (a projection), keeping each one's position in its document. */
  static ObjectNode project(ObjectNode item, List<Path> paths) {
    ObjectNode out = Values.JSON.createObjectNode();
    for (Path path : paths) {
      JsonNode value = get(item, path);
      if (value != null) copyInto(out, item, path, value);
    }
    return out;
  }

  private static void copyInto(ObjectNode out, ObjectNode item, Path path, JsonNode value) {
    List<Object> steps = path.elements();
    if (steps.size() == 1) {
      out.set(path.top(), value.deepCopy());
      return;
    }
    // Rebuild the containers on the way down; lists keep only the projected elements, in index order.
    JsonNode source = item.get(path.top());
    JsonNode target = out.get(path.top());
    if (target == null) {
      target = emptyLike(source);
      out.set(path.top(), target);
    }
    for (int k = 1; k < steps.size(); k++) {
      Object step = steps.get(k);
      JsonNode sourceChild = child(source, step);
      boolean last = k == steps.size() - 1;
      JsonNode next = last ? sourceChild.deepCopy() : emptyLike(sourceChild);
      if (step instanceof String name) {
        ObjectNode m = (ObjectNode) target.get("M");
        if (!last && m.has(name)) next = m.get(name);
        m.set(name, next);
      } else {
        ((ArrayNode) target.get("L")).add(next);
      }
      source = sourceChild;
      target = next;
    }
  }

  private static JsonNode emptyLike(JsonNode container) {
    return "M".equals(Values.type(container)) ? Values.of("M", Values.JSON.createObjectNode()) : Values.of("L", Values.array());
  }
}
