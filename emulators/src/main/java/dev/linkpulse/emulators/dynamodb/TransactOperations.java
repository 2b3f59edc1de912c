package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.PreparedWrite.Kind;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems (API Reference): all or nothing, up to 100 actions on distinct items;
 * every action costs double. A cancelled transaction says why per action in {@code CancellationReasons}
 * (ConditionalCheckFailed, ValidationError, ThrottlingError, or None). A repeated {@code ClientRequestToken}
 * within 10 minutes returns the first answer without writing again.
 */
final class TransactOperations {
  static final int MAX_ACTIONS = 100;
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
  private static final List<String> WRITE_KINDS = List.of("ConditionCheck", "Put", "Delete", "Update");

  private record Remembered(JsonNode request, JsonNode response, Instant expires) {}

  private final Engine engine;
  private final Map<String, Remembered> tokens = new HashMap<>();

  TransactOperations(Engine engine) {
    this.engine = engine;
  }

  JsonNode write(JsonNode request) {
    String mode = Consumption.mode(request);
    JsonNode actions = request.path("TransactItems");
    requireCount(actions);
    String token = request.path("ClientRequestToken").asText(null);
    return engine.locked(() -> {
      Instant now = engine.now();
      tokens.values().removeIf(r -> r.expires.isBefore(now));
      JsonNode withoutToken = ((ObjectNode) request.deepCopy()).without(List.of("ClientRequestToken", "ReturnConsumedCapacity"));
      if (token != null && tokens.containsKey(token)) {
        Remembered r = tokens.get(token);
        if (!r.request.equals(withoutToken)) {
          throw AwsServiceException.client("IdempotentParameterMismatchException",
              "The request uses the same client token as a previous, but non-identical request. Do not reuse a client token with different requests, unless an hour has passed.");
        }
        return r.response;
      }
      JsonNode response = apply(prepare(actions), mode, now);
      if (token != null) tokens.put(token, new Remembered(withoutToken, response, now.plus(TOKEN_LIFETIME)));
      return response;
    });
  }

  private static void requireCount(JsonNode actions) {
    if (!actions.isArray() || actions.isEmpty() || actions.size() > MAX_ACTIONS) {
      throw Errors.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to "
          + MAX_ACTIONS + " and greater than or equal to 1");
    }
  }

  private List<PreparedWrite> prepare(JsonNode actions) {
    List<PreparedWrite> prepared = new ArrayList<>();
    Set<String> items = new HashSet<>();
    for (JsonNode action : actions) {
      List<String> kinds = WRITE_KINDS.stream().filter(action::has).toList();
      if (kinds.size() != 1) throw Errors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
      Kind kind = switch (kinds.get(0)) {
        case "ConditionCheck" -> Kind.CHECK;
        case "Put" -> Kind.PUT;
        case "Delete" -> Kind.DELETE;
        default -> Kind.UPDATE;
      };
      PreparedWrite w = PreparedWrite.prepare(engine, kind, action.get(kinds.get(0)));
      if (!items.add(w.table.name() + "\u0000" + ItemIndex.tableKeyText(w.table.spec.key, w.key))) {
        throw Errors.validation("Transaction request cannot include multiple operations on one item");
      }
      prepared.add(w);
    }
    return prepared;
  }

  private JsonNode apply(List<PreparedWrite> prepared, String mode, Instant now) {
    long second = now.getEpochSecond();
    List<ObjectNode> afters = new ArrayList<>();
    List<Consumption> costs = new ArrayList<>();
    ArrayNode reasons = Values.array();
    boolean cancelled = false;
    for (PreparedWrite w : prepared) {
      ObjectNode before = w.table.get(w.key);
      ObjectNode reason = reasons.addObject();
      ObjectNode after = evaluate(w, before, reason);
      cancelled |= after == REFUSED;
      afters.add(after);
      // Each action costs double; one that is refused or only checks is charged by the item it read.
      Consumption cost = new Consumption(w.table.name(), true);
      cost.chargeWrite(w.table, before, after == REFUSED || w.kind == Kind.CHECK ? before : after, CapacityRules.TRANSACTION_MULTIPLIER);
      costs.add(cost);
      if (!engine.throttle.admits(w.table.name(), w.partition, true, cost.tableUnits(), second)) {
        reason.removeAll().put("Code", "ThrottlingError").put("Message", "Throughput exceeds the current capacity of your table or index.");
        cancelled = true;
      }
    }
    for (int i = 0; i < prepared.size(); i++) {
      engine.throttle.charge(prepared.get(i).table.name(), prepared.get(i).partition, true, costs.get(i).tableUnits(), second);
    }
    if (cancelled) throw cancellation(reasons);
    Map<String, Consumption> consumed = new LinkedHashMap<>();
    for (int i = 0; i < prepared.size(); i++) {
      PreparedWrite w = prepared.get(i);
      if (w.kind != Kind.CHECK) engine.write(w.table, w.key, afters.get(i), false);
      consumed.computeIfAbsent(w.table.name(), n -> new Consumption(n, true)).add(costs.get(i));
    }
    ObjectNode response = Values.JSON.createObjectNode();
    Consumption.putList(response, mode, consumed.values());
    return response;
  }

  /** Marks an action that cannot go through (its reason says why). */
  private static final ObjectNode REFUSED = Values.JSON.createObjectNode();

  /** The action's resulting item (null for a delete), or {@link #REFUSED}; fills in its cancellation reason. */
  private static ObjectNode evaluate(PreparedWrite w, ObjectNode before, ObjectNode reason) {
    if (!w.conditionHolds(before)) {
      reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
      if (w.returnOnFailure.equals("ALL_OLD") && before != null) reason.set("Item", before);
      return REFUSED;
    }
    try {
      ObjectNode after = w.after(before);
      reason.put("Code", "None");
      return after;
    } catch (AwsServiceException invalid) {
      reason.put("Code", "ValidationError").put("Message", invalid.getMessage());
      return REFUSED;
    }
  }

  private static AwsServiceException cancellation(ArrayNode reasons) {
    List<String> codes = new ArrayList<>();
    reasons.forEach(r -> codes.add(r.get("Code").asText()));
    AwsServiceException e = AwsServiceException.client("TransactionCanceledException",
        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes);
    e.extra().set("CancellationReasons", reasons);
    return e;
  }

  JsonNode get(JsonNode request) {
    String mode = Consumption.mode(request);
    JsonNode actions = request.path("TransactItems");
    requireCount(actions);
    return engine.locked(() -> {
      ArrayNode responses = Values.array();
      Map<String, Consumption> consumed = new LinkedHashMap<>();
      List<Runnable> answers = new ArrayList<>();
      for (JsonNode action : actions) {
        JsonNode get = action.get("Get");
        if (get == null) throw Errors.validation("TransactGetItems can only contain Get actions");
        Table t = engine.table(get.path("TableName").asText(null));
        ObjectNode key = t.spec.key.requireKey(get.get("Key"));
        ExpressionContext context = new ExpressionContext(get);
        var projection = Requests.projection(get, context);
        context.requireAllUsed();
        answers.add(() -> {
          ObjectNode item = t.get(key);
          ObjectNode entry = responses.addObject();
          if (item != null) entry.set("Item", Requests.project(item, projection));
          consumed.computeIfAbsent(t.name(), n -> new Consumption(n, false))
              .addTable(CapacityRules.transactional(CapacityRules.readUnits(item == null ? 0 : CapacityRules.itemSize(item), true)));
        });
      }
      answers.forEach(Runnable::run);
      ObjectNode response = Values.JSON.createObjectNode();
      response.set("Responses", responses);
      Consumption.putList(response, mode, consumed.values());
      return response;
    });
  }
}
