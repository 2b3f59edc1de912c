package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.dynamodb.Ast.Condition;
import dev.linkpulse.emulators.dynamodb.Ast.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Query and Scan (API Reference). A page ends when {@code Limit} items have been evaluated or 1 MB has been read,
 * and then carries {@code LastEvaluatedKey}; the filter runs after that, so a page may hold fewer items than Limit.
 * Capacity is charged for every item read, before the filter.
 */
final class ReadOperations {
  static final long PAGE_BYTES = 1024 * 1024;
  private final Engine engine;

  ReadOperations(Engine engine) {
    this.engine = engine;
  }

  /** What a read evaluates: its table or index, filter, projection and page bounds. */
  private record Plan(Table table, IndexSpec index, ItemIndex entries, Condition filter, List<Path> projection, boolean count,
      int limit, boolean consistent, String mode) {}

  JsonNode query(JsonNode request) {
    return engine.locked(() -> {
      ExpressionContext context = new ExpressionContext(request);
      Plan plan = plan(request, context);
      JsonNode keyExpression = request.get("KeyConditionExpression");
      if (keyExpression == null) throw Errors.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
      KeyCondition key = KeyCondition.parse(keyExpression.asText(), context, plan.entries.schema);
      context.requireAllUsed();
      boolean forward = request.path("ScanIndexForward").asBoolean(true);
      ItemIndex.Cursor start = cursor(plan, request.get("ExclusiveStartKey"));
      Iterator<ObjectNode> it = plan.entries.partition(key.partitionValue(), forward, start == null ? null : start.position());
      return page(plan, it, key::matches);
    });
  }

  JsonNode scan(JsonNode request) {
    return engine.locked(() -> {
      ExpressionContext context = new ExpressionContext(request);
      Plan plan = plan(request, context);
      context.requireAllUsed();
      Predicate<ObjectNode> inSegment = segment(request, plan.entries);
      ItemIndex.Cursor start = cursor(plan, request.get("ExclusiveStartKey"));
      return page(plan, plan.entries.all(start), inSegment);
    });
  }

  private Plan plan(JsonNode request, ExpressionContext context) {
    Requests.refuseLegacy(request);
    Table t = engine.table(request.path("TableName").asText(null));
    String indexName = request.path("IndexName").asText(null);
    IndexSpec index = indexName == null ? null : t.spec.index(indexName);
    if (indexName != null && index == null) {
      throw Errors.validation("The table does not have the specified index: " + indexName);
    }
    boolean consistent = request.path("ConsistentRead").asBoolean(false);
    if (consistent && index != null) throw Errors.validation("Consistent reads are not supported on global secondary indexes");
    String select = Requests.choice(request, "Select", request.has("ProjectionExpression") ? "SPECIFIC_ATTRIBUTES" : "ALL_ATTRIBUTES",
        List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"));
    if (request.has("ProjectionExpression") && !select.equals("SPECIFIC_ATTRIBUTES")) {
      throw Errors.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
    }
    int limit = request.path("Limit").asInt(Integer.MAX_VALUE);
    if (limit < 1) {
      throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
    Condition filter = Requests.condition(request, "FilterExpression", context);
    List<Path> projection = Requests.projection(request, context);
    return new Plan(t, index, t.index(indexName), filter, projection, select.equals("COUNT"), limit, consistent, Consumption.mode(request));
  }

  private static Predicate<ObjectNode> segment(JsonNode request, ItemIndex entries) {
    boolean hasSegment = request.has("Segment");
    boolean hasTotal = request.has("TotalSegments");
    if (!hasSegment && !hasTotal) return e -> true;
    if (!hasSegment) throw Errors.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
    if (!hasTotal) throw Errors.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
    int segment = request.get("Segment").asInt();
    int total = request.get("TotalSegments").asInt();
    if (total < 1 || total > 1_000_000) throw Errors.validation("1 validation error detected: Value '" + total
        + "' at 'totalSegments' failed to satisfy constraint: Member must have value between 1 and 1000000");
    if (segment < 0 || segment >= total) {
      throw Errors.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: " + segment
          + " is not less than TotalSegments: " + total);
    }
    // A partition belongs to one segment, as DynamoDB splits a parallel scan by key hash.
    return e -> Math.floorMod(entries.partitionOf(e).hashCode(), total) == segment;
  }

  private static ItemIndex.Cursor cursor(Plan plan, JsonNode startKey) {
    if (startKey == null || startKey.isNull()) return null;
    ObjectNode key = ItemValidator.item(startKey, "ExclusiveStartKey");
    KeySchema tableKey = plan.table.spec.key;
    java.util.Set<String> expected = new java.util.HashSet<>(tableKey.names());
    if (plan.index != null) expected.addAll(plan.index.schema().names());
    if (!key.properties().stream().map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()).equals(expected)
        || !tableKey.covers(key) || !plan.entries.schema.covers(key)) {
      throw Errors.validation("The provided starting key is invalid: The provided key element does not match the schema");
    }
    return new ItemIndex.Cursor(plan.entries.partitionOf(key), plan.entries.position(key, ItemIndex.tableKeyText(tableKey, key)));
  }

  private JsonNode page(Plan plan, Iterator<ObjectNode> entries, Predicate<ObjectNode> inRange) {
    ArrayNode items = Values.array();
    int evaluated = 0;
    int matched = 0;
    long bytes = 0;
    ObjectNode last = null;
    boolean more = false;
    while (entries.hasNext()) {
      ObjectNode entry = entries.next();
      if (!inRange.test(entry)) continue;
      evaluated++;
      bytes += CapacityRules.itemSize(entry);
      last = entry;
      if (plan.filter == null || ConditionEvaluator.test(plan.filter, entry)) {
        matched++;
        if (!plan.count) items.add(Requests.project(entry, plan.projection));
      }
      if (evaluated >= plan.limit || bytes >= PAGE_BYTES) {
        more = true;
        break;
      }
    }
    Consumption consumed = new Consumption(plan.table.name(), false);
    double units = CapacityRules.readUnits(bytes, plan.consistent);
    if (plan.index == null) consumed.addTable(units);
    else consumed.addIndex(plan.index.name(), units);
    ObjectNode response = Values.JSON.createObjectNode();
    if (!plan.count) response.set("Items", items);
    response.put("Count", matched).put("ScannedCount", evaluated);
    if (more) response.set("LastEvaluatedKey", lastKey(plan, last));
    Requests.putConsumed(response, plan.mode, consumed);
    return response;
  }

  private static ObjectNode lastKey(Plan plan, ObjectNode entry) {
    ObjectNode key = plan.table.spec.key.keyOf(entry);
    if (plan.index != null) key.setAll(plan.index.schema().keyOf(entry));
    return key;
  }
}
