package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import java.util.List;

/** CreateTable, DescribeTable, DeleteTable, ListTables, UpdateTimeToLive and DescribeTimeToLive (API Reference). */
final class TableOperations {
  static final int MAX_LIST = 100;
  private final Engine engine;

  TableOperations(Engine engine) {
    this.engine = engine;
  }

  JsonNode create(JsonNode request) {
    return engine.locked(() -> {
      TableSpec spec = TableSpec.create(request, engine.now());
      Table t = engine.create(spec);
      ObjectNode response = Values.JSON.createObjectNode();
      response.set("TableDescription", describe(t, "ACTIVE"));
      return response;
    });
  }

  JsonNode describe(JsonNode request) {
    return engine.locked(() -> {
      ObjectNode response = Values.JSON.createObjectNode();
      response.set("Table", describe(engine.table(request.path("TableName").asText(null)), "ACTIVE"));
      return response;
    });
  }

  JsonNode delete(JsonNode request) {
    return engine.locked(() -> {
      Table t = engine.drop(request.path("TableName").asText(null));
      ObjectNode response = Values.JSON.createObjectNode();
      response.set("TableDescription", describe(t, "DELETING"));
      return response;
    });
  }

  JsonNode list(JsonNode request) {
    int limit = request.path("Limit").asInt(MAX_LIST);
    if (limit < 1 || limit > MAX_LIST) {
      throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    }
    String after = request.path("ExclusiveStartTableName").asText(null);
    return engine.locked(() -> {
      List<String> names = engine.tables().stream().map(Table::name).filter(n -> after == null || n.compareTo(after) > 0).toList();
      ObjectNode response = Values.JSON.createObjectNode();
      var out = response.putArray("TableNames");
      names.stream().limit(limit).forEach(out::add);
      if (names.size() > limit) response.put("LastEvaluatedTableName", names.get(limit - 1));
      return response;
    });
  }

  JsonNode updateTimeToLive(JsonNode request) {
    JsonNode spec = request.path("TimeToLiveSpecification");
    String attribute = spec.path("AttributeName").asText("");
    if (!spec.has("Enabled") || attribute.isEmpty()) {
      throw Errors.validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
    }
    boolean enable = spec.get("Enabled").asBoolean();
    return engine.locked(() -> {
      Table t = engine.table(request.path("TableName").asText(null));
      String current = t.spec.ttlAttribute;
      if (enable && current != null) throw Errors.validation("TimeToLive is already enabled");
      if (!enable && current == null) throw Errors.validation("TimeToLive is already disabled");
      if (!enable && !current.equals(attribute)) {
        throw Errors.validation("TimeToLive is active on a different AttributeName: current AttributeName is " + current);
      }
      t.spec.ttlAttribute = enable ? attribute : null;
      engine.saveSpec(t);
      ObjectNode response = Values.JSON.createObjectNode();
      response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enable);
      return response;
    });
  }

  JsonNode describeTimeToLive(JsonNode request) {
    return engine.locked(() -> {
      Table t = engine.table(request.path("TableName").asText(null));
      ObjectNode response = Values.JSON.createObjectNode();
      ObjectNode d = response.putObject("TimeToLiveDescription");
      if (t.spec.ttlAttribute == null) d.put("TimeToLiveStatus", "DISABLED");
      else d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", t.spec.ttlAttribute);
      return response;
    });
  }

  private static ObjectNode describe(Table t, String status) {
    TableSpec s = t.spec;
    ObjectNode d = Values.JSON.createObjectNode().put("TableName", s.name).put("TableArn", s.arn()).put("TableId", s.id)
        .put("TableStatus", status).put("CreationDateTime", s.created.toEpochMilli() / 1000.0)
        .put("ItemCount", t.items.count()).put("TableSizeBytes", t.sizeBytes());
    d.set("KeySchema", s.key.toJson());
    var defs = d.putArray("AttributeDefinitions");
    s.attributeTypes.forEach((n, type) -> defs.addObject().put("AttributeName", n).put("AttributeType", type));
    d.putObject("BillingModeSummary").put("BillingMode", s.billingMode);
    d.set("ProvisionedThroughput", throughput(s));
    if (!s.indexes.isEmpty()) {
      var gsis = d.putArray("GlobalSecondaryIndexes");
      for (IndexSpec i : s.indexes) {
        ObjectNode g = i.toJson().put("IndexStatus", "ACTIVE").put("IndexArn", AwsAccount.arn("dynamodb", "table/" + s.name + "/index/" + i.name()))
            .put("ItemCount", t.indexes.get(i.name()).count());
        g.set("ProvisionedThroughput", throughput(s));
        gsis.add(g);
      }
    }
    if (s.streamViewType != null) {
      d.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", s.streamViewType);
      d.put("LatestStreamLabel", s.streamLabel).put("LatestStreamArn", s.streamArn());
    }
    return d;
  }

  private static ObjectNode throughput(TableSpec s) {
    return Values.JSON.createObjectNode().put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", s.readCapacity)
        .put("WriteCapacityUnits", s.writeCapacity);
  }
}
