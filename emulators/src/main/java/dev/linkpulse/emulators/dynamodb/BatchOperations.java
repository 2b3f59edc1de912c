package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.PreparedWrite.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes, no conditions). Each item is
 * charged on its own. Under hot-partition throttling a batch write returns the refused requests in
 * {@code UnprocessedItems}, and fails with ProvisionedThroughputExceededException only when none went through.
 */
final class BatchOperations {
  static final int MAX_GET_KEYS = 100;
  static final int MAX_WRITES = 25;
  private final Engine engine;

  BatchOperations(Engine engine) {
    this.engine = engine;
  }

  JsonNode get(JsonNode request) {
    String mode = Consumption.mode(request);
    JsonNode requestItems = request.path("RequestItems");
    if (!requestItems.isObject() || requestItems.isEmpty()) throw Errors.validation("The requestItems parameter is required for BatchGetItem");
    int total = 0;
    for (JsonNode tableRequest : requestItems) total += tableRequest.path("Keys").size();
    if (total > MAX_GET_KEYS) throw Errors.validation("Too many items requested for the BatchGetItem call");
    return engine.locked(() -> {
      ObjectNode responses = Values.JSON.createObjectNode();
      ArrayNode consumedList = Values.array();
      for (var it = requestItems.fields(); it.hasNext(); ) {
        var e = it.next();
        Table t = engine.table(e.getKey());
        JsonNode tableRequest = e.getValue();
        ExpressionContext context = new ExpressionContext(tableRequest);
        var projection = Requests.projection(tableRequest, context);
        context.requireAllUsed();
        boolean consistent = tableRequest.path("ConsistentRead").asBoolean(false);
        Set<String> seen = new HashSet<>();
        ArrayNode found = responses.putArray(t.name());
        Consumption consumed = new Consumption(t.name(), false);
        if (tableRequest.path("Keys").isEmpty()) throw Errors.validation("Keys must not be empty");
        for (JsonNode rawKey : tableRequest.path("Keys")) {
          ObjectNode key = t.spec.key.requireKey(rawKey);
          if (!seen.add(ItemIndex.tableKeyText(t.spec.key, key))) throw Errors.validation("Provided list of item keys contains duplicates");
          ObjectNode item = t.get(key);
          consumed.addTable(CapacityRules.readUnits(item == null ? 0 : CapacityRules.itemSize(item), consistent));
          if (item != null) found.add(Requests.project(item, projection));
        }
        if (mode != null) consumedList.add(consumed.toJson(mode));
      }
      ObjectNode response = Values.JSON.createObjectNode();
      response.set("Responses", responses);
      response.putObject("UnprocessedKeys");
      if (mode != null) response.set("ConsumedCapacity", consumedList);
      return response;
    });
  }

  JsonNode write(JsonNode request) {
    String mode = Consumption.mode(request);
    JsonNode requestItems = request.path("RequestItems");
    if (!requestItems.isObject() || requestItems.isEmpty()) throw Errors.validation("The requestItems parameter is required for BatchWriteItem");
    int total = 0;
    for (JsonNode writes : requestItems) total += writes.size();
    if (total > MAX_WRITES) {
      throw Errors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint:"
          + " [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
    }
    return engine.locked(() -> {
      List<PreparedWrite> prepared = new ArrayList<>();
      List<JsonNode> originals = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (var it = requestItems.fields(); it.hasNext(); ) {
        var e = it.next();
        for (JsonNode w : e.getValue()) {
          PreparedWrite p = prepare(e.getKey(), w);
          if (!seen.add(p.table.name() + "\u0000" + ItemIndex.tableKeyText(p.table.spec.key, p.key))) {
            throw Errors.validation("Provided list of item keys contains duplicates");
          }
          prepared.add(p);
          originals.add(w);
        }
      }
      return apply(prepared, originals, mode);
    });
  }

  private PreparedWrite prepare(String table, JsonNode w) {
    boolean put = w.has("PutRequest");
    if (put == w.has("DeleteRequest")) throw Errors.validation("Each WriteRequest must contain exactly one of PutRequest or DeleteRequest");
    ObjectNode single = ((ObjectNode) (put ? w.get("PutRequest") : w.get("DeleteRequest"))).deepCopy();
    single.put("TableName", table);
    return PreparedWrite.prepare(engine, put ? Kind.PUT : Kind.DELETE, single);
  }

  private JsonNode apply(List<PreparedWrite> prepared, List<JsonNode> originals, String mode) {
    Map<String, Consumption> consumed = new LinkedHashMap<>();
    ObjectNode unprocessed = Values.JSON.createObjectNode();
    long second = engine.now().getEpochSecond();
    int done = 0;
    for (int i = 0; i < prepared.size(); i++) {
      PreparedWrite w = prepared.get(i);
      ObjectNode before = w.table.get(w.key);
      ObjectNode after = w.after(before);
      Consumption cost = new Consumption(w.table.name(), true);
      cost.chargeWrite(w.table, before, after, 1);
      if (!engine.throttle.admits(w.table.name(), w.partition, true, cost.tableUnits(), second)) {
        unprocessed.withArray(w.table.name()).add(originals.get(i));
        continue;
      }
      engine.throttle.charge(w.table.name(), w.partition, true, cost.tableUnits(), second);
      engine.write(w.table, w.key, after, false);
      consumed.computeIfAbsent(w.table.name(), n -> new Consumption(n, true)).chargeWrite(w.table, before, after, 1);
      done++;
    }
    if (done == 0 && !prepared.isEmpty()) throw Errors.throughputExceeded();
    ObjectNode response = Values.JSON.createObjectNode();
    response.set("UnprocessedItems", unprocessed);
    Consumption.putList(response, mode, consumed.values());
    return response;
  }
}
