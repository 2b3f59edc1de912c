package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.PreparedWrite.Kind;
import java.util.List;

/** PutItem, GetItem, UpdateItem and DeleteItem (API Reference), with ReturnValues and ReturnConsumedCapacity. */
final class ItemOperations {
  private final Engine engine;

  ItemOperations(Engine engine) {
    this.engine = engine;
  }

  JsonNode put(JsonNode request) {
    String returnValues = Requests.choice(request, "ReturnValues", "NONE", List.of("NONE", "ALL_OLD"));
    return write(request, Kind.PUT, returnValues);
  }

  JsonNode delete(JsonNode request) {
    String returnValues = Requests.choice(request, "ReturnValues", "NONE", List.of("NONE", "ALL_OLD"));
    return write(request, Kind.DELETE, returnValues);
  }

  JsonNode update(JsonNode request) {
    String returnValues = Requests.choice(request, "ReturnValues", "NONE", List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
    return write(request, Kind.UPDATE, returnValues);
  }

  private JsonNode write(JsonNode request, Kind kind, String returnValues) {
    String mode = Consumption.mode(request);
    return engine.locked(() -> {
      PreparedWrite w = PreparedWrite.prepare(engine, kind, request);
      ObjectNode before = w.table.get(w.key);
      Consumption consumed = new Consumption(w.table.name(), true);
      long second = engine.now().getEpochSecond();
      if (!w.conditionHolds(before)) {
        // A refused write still consumes capacity, by the size of the item it found.
        consumed.chargeWrite(w.table, before, before, 1);
        engine.throttle.acquire(w.table.name(), w.partition, true, consumed.tableUnits(), second);
        throw w.conditionFailed(before);
      }
      ObjectNode after = w.after(before);
      consumed.chargeWrite(w.table, before, after, 1);
      engine.throttle.acquire(w.table.name(), w.partition, true, consumed.tableUnits(), second);
      engine.write(w.table, w.key, after, false);
      ObjectNode response = Values.JSON.createObjectNode();
      ObjectNode returned = returned(returnValues, w, before, after);
      if (returned != null && !returned.isEmpty()) response.set("Attributes", returned);
      Requests.putConsumed(response, mode, consumed);
      return response;
    });
  }

  private static ObjectNode returned(String returnValues, PreparedWrite w, ObjectNode before, ObjectNode after) {
    return switch (returnValues) {
      case "ALL_OLD" -> before;
      case "ALL_NEW" -> after;
      case "UPDATED_OLD" -> before == null ? null : Documents.project(before, w.updatedPaths());
      case "UPDATED_NEW" -> after == null ? null : Documents.project(after, w.updatedPaths());
      default -> null;
    };
  }

  JsonNode get(JsonNode request) {
    Requests.refuseLegacy(request);
    String mode = Consumption.mode(request);
    boolean consistent = request.path("ConsistentRead").asBoolean(false);
    return engine.locked(() -> {
      Table t = engine.table(request.path("TableName").asText(null));
      ObjectNode key = t.spec.key.requireKey(request.get("Key"));
      ExpressionContext context = new ExpressionContext(request);
      var projection = Requests.projection(request, context);
      context.requireAllUsed();
      ObjectNode item = t.get(key);
      Consumption consumed = new Consumption(t.name(), false);
      consumed.addTable(CapacityRules.readUnits(item == null ? 0 : CapacityRules.itemSize(item), consistent));
      engine.throttle.acquire(t.name(), Values.keyText(key.get(t.spec.key.hash())), false, consumed.tableUnits(), engine.now().getEpochSecond());
      ObjectNode response = Values.JSON.createObjectNode();
      if (item != null) response.set("Item", Requests.project(item, projection));
      Requests.putConsumed(response, mode, consumed);
      return response;
    });
  }
}
