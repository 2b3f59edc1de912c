package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.Ast.Action;
import dev.linkpulse.emulators.dynamodb.Ast.Condition;
import dev.linkpulse.emulators.dynamodb.Ast.Path;
import java.util.List;

/**
 * One checked write (Put, Update, Delete, or a transaction's ConditionCheck): everything that can be validated
 * without reading the item is validated when it is prepared, so a bad request changes nothing. PutItem, UpdateItem,
 * DeleteItem, BatchWriteItem and TransactWriteItems all go through it.
 */
final class PreparedWrite {
  enum Kind { PUT, UPDATE, DELETE, CHECK }

  final Kind kind;
  final Table table;
  final ObjectNode key;
  final String partition;
  private final ObjectNode item;
  private final List<Action> actions;
  private final Condition condition;
  final String returnOnFailure;

  private PreparedWrite(Kind kind, Table table, ObjectNode key, ObjectNode item, List<Action> actions, Condition condition, String returnOnFailure) {
    this.kind = kind;
    this.table = table;
    this.key = key;
    this.partition = Values.keyText(key.get(table.spec.key.hash()));
    this.item = item;
    this.actions = actions;
    this.condition = condition;
    this.returnOnFailure = returnOnFailure;
  }

  static PreparedWrite prepare(Engine engine, Kind kind, JsonNode request) {
    Requests.refuseLegacy(request);
    Table t = engine.table(request.path("TableName").asText(null));
    ExpressionContext context = new ExpressionContext(request);
    ObjectNode item = null;
    ObjectNode key;
    if (kind == Kind.PUT) {
      item = ItemValidator.item(request.get("Item"), "Item");
      Requests.requireStorable(t, item);
      key = t.spec.key.keyOf(item);
    } else {
      key = t.spec.key.requireKey(request.get("Key"));
    }
    List<Action> actions = List.of();
    if (kind == Kind.UPDATE && request.hasNonNull("UpdateExpression")) {
      actions = ExpressionParser.update(request.get("UpdateExpression").asText(), context);
    }
    Condition condition = Requests.condition(request, "ConditionExpression", context);
    if (kind == Kind.CHECK && condition == null) throw Errors.validation("ConditionExpression is required for a ConditionCheck");
    context.requireAllUsed();
    String onFailure = Requests.choice(request, "ReturnValuesOnConditionCheckFailure", "NONE", List.of("NONE", "ALL_OLD"));
    return new PreparedWrite(kind, t, key, item, actions, condition, onFailure);
  }

  boolean conditionHolds(ObjectNode before) {
    return condition == null || ConditionEvaluator.test(condition, before);
  }

  /** The item after this write (null when deleted; unchanged for a check), checked against DynamoDB's limits. */
  ObjectNode after(ObjectNode before) {
    return switch (kind) {
      case PUT -> item;
      case DELETE -> null;
      case CHECK -> before;
      case UPDATE -> {
        ObjectNode start = before != null ? before : key.deepCopy();
        ObjectNode updated = UpdateApplier.apply(actions, start, table.spec.key.names());
        Requests.requireStorable(table, updated);
        yield updated;
      }
    };
  }

  /** The paths an update names, for ReturnValues UPDATED_OLD and UPDATED_NEW. */
  List<Path> updatedPaths() {
    return actions.stream().map(Action::path).toList();
  }

  /** ConditionalCheckFailedException, carrying the item when ReturnValuesOnConditionCheckFailure is ALL_OLD. */
  RuntimeException conditionFailed(ObjectNode before) {
    var e = Errors.conditionFailed();
    if (returnOnFailure.equals("ALL_OLD") && before != null) e.extra().set("Item", before);
    return e;
  }
}
