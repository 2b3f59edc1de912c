package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table's definition as CreateTable gives it (API Reference, CreateTable), checked: name, key schema, attribute
 * definitions (exactly the key attributes of the table and its indexes), billing mode, global secondary indexes and
 * stream specification; plus what changes later: time to live and the current stream.
 */
final class TableSpec {
  final String name;
  final String id;
  final Instant created;
  final KeySchema key;
  final Map<String, String> attributeTypes;
  final List<IndexSpec> indexes;
  final String billingMode;
  final long readCapacity;
  final long writeCapacity;
  volatile String ttlAttribute;
  volatile String streamViewType;
  volatile String streamLabel;

  private TableSpec(JsonNode definition, String id, Instant created) {
    this.name = requireTableName(definition.path("TableName").asText(null));
    this.id = id;
    this.created = created;
    this.attributeTypes = attributeTypes(definition.path("AttributeDefinitions"));
    this.key = KeySchema.parse(definition.path("KeySchema"), attributeTypes, "keySchema");
    List<IndexSpec> gsis = new ArrayList<>();
    definition.path("GlobalSecondaryIndexes").forEach(g -> gsis.add(IndexSpec.parse(g, attributeTypes)));
    if (gsis.stream().map(IndexSpec::name).distinct().count() != gsis.size()) throw Errors.invalidParameter("Duplicate index name");
    if (definition.path("LocalSecondaryIndexes").size() > 0) {
      throw Errors.validation("LocalSecondaryIndexes are not supported by this engine (global secondary indexes are)");
    }
    this.indexes = List.copyOf(gsis);
    this.billingMode = definition.path("BillingMode").asText("PROVISIONED");
    JsonNode throughput = definition.path("ProvisionedThroughput");
    if (billingMode.equals("PROVISIONED")) {
      if (!throughput.has("ReadCapacityUnits") || !throughput.has("WriteCapacityUnits")) {
        throw Errors.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
      }
    } else if (billingMode.equals("PAY_PER_REQUEST")) {
      if (!throughput.isMissingNode() && !throughput.isNull()) {
        throw Errors.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
    } else {
      throw Errors.validation("1 validation error detected: Value '" + billingMode
          + "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    }
    this.readCapacity = throughput.path("ReadCapacityUnits").asLong(0);
    this.writeCapacity = throughput.path("WriteCapacityUnits").asLong(0);
    requireDefinitionsUsed();
    JsonNode stream = definition.path("StreamSpecification");
    if (stream.path("StreamEnabled").asBoolean(false)) {
      String view = stream.path("StreamViewType").asText("");
      if (!List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES").contains(view)) {
        throw Errors.invalidParameter("StreamViewType is required when StreamEnabled is true, one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES");
      }
      this.streamViewType = view;
    }
  }

  static TableSpec create(JsonNode request, Instant now) {
    TableSpec spec = new TableSpec(request, java.util.UUID.randomUUID().toString(), now);
    if (spec.streamViewType != null) spec.streamLabel = StreamLabels.label(now);
    return spec;
  }

  static String requireTableName(String name) {
    if (name == null) throw Errors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
    if (name.length() < 3 || name.length() > 255) {
      throw Errors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to satisfy constraint: Member must have length "
          + (name.length() < 3 ? "greater than or equal to 3" : "less than or equal to 255"));
    }
    if (!name.matches("[a-zA-Z0-9_.-]+")) {
      throw Errors.validation("1 validation error detected: Value '" + name
          + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    return name;
  }

  private static Map<String, String> attributeTypes(JsonNode definitions) {
    Map<String, String> types = new LinkedHashMap<>();
    for (JsonNode d : definitions) {
      String type = d.path("AttributeType").asText("");
      if (!List.of("S", "N", "B").contains(type)) {
        throw Errors.invalidParameter("Member must satisfy enum value set: [B, N, S] for AttributeType of " + d.path("AttributeName").asText());
      }
      if (types.put(d.path("AttributeName").asText(), type) != null) throw Errors.invalidParameter("Duplicate AttributeDefinition");
    }
    return types;
  }

  private void requireDefinitionsUsed() {
    Set<String> used = new LinkedHashSet<>(key.names());
    indexes.forEach(i -> used.addAll(i.schema().names()));
    Set<String> undefined = new TreeSet<>(used);
    undefined.removeAll(attributeTypes.keySet());
    if (!undefined.isEmpty()) {
      throw Errors.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: " + undefined
          + ", AttributeDefinitions: " + attributeTypes.keySet());
    }
    if (!used.containsAll(attributeTypes.keySet())) {
      throw Errors.invalidParameter("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    }
  }

  String arn() {
    return AwsAccount.arn("dynamodb", "table/" + name);
  }

  String streamArn() {
    return streamLabel == null ? null : arn() + "/stream/" + streamLabel;
  }

  IndexSpec index(String indexName) {
    for (IndexSpec i : indexes) if (i.name().equals(indexName)) return i;
    return null;
  }

  /** The definition, for persistence: the same shape CreateTable takes, plus its identity and later changes. */
  ObjectNode toJson() {
    ObjectNode out = Values.JSON.createObjectNode().put("TableName", name).put("TableId", id).put("Created", created.toEpochMilli());
    out.set("KeySchema", key.toJson());
    var defs = out.putArray("AttributeDefinitions");
    attributeTypes.forEach((n, t) -> defs.addObject().put("AttributeName", n).put("AttributeType", t));
    if (!indexes.isEmpty()) indexes.forEach(i -> out.withArray("GlobalSecondaryIndexes").add(i.toJson()));
    out.put("BillingMode", billingMode);
    if (billingMode.equals("PROVISIONED")) out.putObject("ProvisionedThroughput").put("ReadCapacityUnits", readCapacity).put("WriteCapacityUnits", writeCapacity);
    if (streamViewType != null) out.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", streamViewType);
    if (streamLabel != null) out.put("StreamLabel", streamLabel);
    if (ttlAttribute != null) out.put("TtlAttribute", ttlAttribute);
    return out;
  }

  static TableSpec fromJson(JsonNode json) {
    TableSpec spec = new TableSpec(json, json.path("TableId").asText(), Instant.ofEpochMilli(json.path("Created").asLong()));
    spec.streamLabel = json.path("StreamLabel").asText(null);
    spec.ttlAttribute = json.path("TtlAttribute").asText(null);
    return spec;
  }
}
