package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.Ast.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an update expression's actions to an item. Every operand is read from the item as it was before the
 * update (so {@code SET a = b, b = a} swaps), then SET, REMOVE, ADD and DELETE take effect. Key attributes cannot
 * be changed; ADD works on numbers and sets, DELETE on sets (a set emptied by DELETE is removed).
 */
final class UpdateApplier {
  private UpdateApplier() {}

  static ObjectNode apply(List<Action> actions, ObjectNode before, Set<String> keyAttributes) {
    for (Action a : actions) {
      if (keyAttributes.contains(a.path().top())) {
        throw Errors.validation("One or more parameter values were invalid: Cannot update attribute " + a.path().top()
            + ". This attribute is part of the key");
      }
    }
    Map<Action, JsonNode> computed = new LinkedHashMap<>();
    for (Action a : actions) {
      if (a instanceof SetAction set) computed.put(a, value(set.value(), before));
      else if (a instanceof AddAction add) computed.put(a, added(Documents.get(before, add.path()), add.value()));
      else if (a instanceof DeleteAction del) computed.put(a, deleted(Documents.get(before, del.path()), del.value()));
    }
    ObjectNode after = before.deepCopy();
    List<RemoveAction> removals = new ArrayList<>();
    for (Action a : actions) {
      if (a instanceof RemoveAction r) removals.add(r);
      else if (computed.get(a) == null) Documents.remove(after, a.path());
      else Documents.set(after, a.path(), computed.get(a));
    }
    // List elements are removed from the highest index down, so earlier removals do not shift later ones.
    removals.sort((x, y) -> compareForRemoval(y.path(), x.path()));
    for (RemoveAction r : removals) Documents.remove(after, r.path());
    return after;
  }

  private static int compareForRemoval(Path a, Path b) {
    Object la = a.elements().get(a.elements().size() - 1);
    Object lb = b.elements().get(b.elements().size() - 1);
    if (la instanceof Integer x && lb instanceof Integer y) return Integer.compare(x, y);
    return 0;
  }

  static JsonNode value(SetValue v, ObjectNode item) {
    if (v instanceof Plain p) {
      JsonNode value = ConditionEvaluator.resolve(p.operand(), item);
      if (value == null) throw Errors.validation("The provided expression refers to an attribute that does not exist in the item");
      return value;
    }
    if (v instanceof Arithmetic a) return arithmetic(a.plus(), value(a.left(), item), value(a.right(), item));
    if (v instanceof IfNotExists f) {
      JsonNode existing = Documents.get(item, f.path());
      return existing != null ? existing : value(f.fallback(), item);
    }
    ListAppend l = (ListAppend) v;
    return listAppend(value(l.first(), item), value(l.second(), item));
  }

  private static JsonNode arithmetic(boolean plus, JsonNode left, JsonNode right) {
    if (!"N".equals(Values.type(left)) || !"N".equals(Values.type(right))) {
      throw Errors.validation("An operand in the update expression has an incorrect data type");
    }
    var a = Values.number(left.get("N").asText());
    var b = Values.number(right.get("N").asText());
    return Values.n(Values.add(a, plus ? b : b.negate()));
  }

  private static JsonNode listAppend(JsonNode first, JsonNode second) {
    if (!"L".equals(Values.type(first)) || !"L".equals(Values.type(second))) {
      throw Errors.validation("An operand in the update expression has an incorrect data type");
    }
    ArrayNode list = Values.array();
    list.addAll((ArrayNode) first.get("L"));
    list.addAll((ArrayNode) second.get("L"));
    return Values.of("L", list.deepCopy());
  }

  private static JsonNode added(JsonNode existing, JsonNode operand) {
    String type = Values.type(operand);
    if (!type.equals("N") && !Values.SET_TYPES.contains(type)) {
      throw Errors.validation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: " + typeName(type));
    }
    if (existing == null) return operand;
    if (!type.equals(Values.type(existing))) {
      throw Errors.validation("An operand in the update expression has an incorrect data type");
    }
    if (type.equals("N")) return arithmetic(true, existing, operand);
    ArrayNode union = ((ArrayNode) existing.get(type)).deepCopy();
    Set<String> present = Values.setKeys(type, existing.get(type));
    for (JsonNode m : operand.get(type)) if (present.add(Values.memberKey(type, m))) union.add(m);
    return Values.of(type, union);
  }

  /** The set left after DELETE, or null when nothing is left (the attribute then goes). */
  private static JsonNode deleted(JsonNode existing, JsonNode operand) {
    String type = Values.type(operand);
    if (!Values.SET_TYPES.contains(type)) {
      throw Errors.validation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: " + typeName(type));
    }
    if (existing == null) return null;
    if (!type.equals(Values.type(existing))) {
      throw Errors.validation("An operand in the update expression has an incorrect data type");
    }
    Set<String> gone = Values.setKeys(type, operand.get(type));
    ArrayNode left = Values.array();
    for (JsonNode m : existing.get(type)) if (!gone.contains(Values.memberKey(type, m))) left.add(m);
    return left.isEmpty() ? null : Values.of(type, left);
  }

  private static String typeName(String type) {
    return switch (type) {
      case "S" -> "STRING";
      case "B" -> "BINARY";
      case "BOOL" -> "BOOLEAN";
      case "M" -> "MAP";
      case "L" -> "LIST";
      default -> type;
    };
  }
}
