package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Capacity one request consumed on one table and its indexes, by {@link CapacityRules}, and its
 * {@code ConsumedCapacity} shape for {@code ReturnConsumedCapacity} TOTAL or INDEXES.
 */
final class Consumption {
  final String table;
  final boolean write;
  private double tableUnits;
  private final Map<String, Double> indexUnits = new TreeMap<>();

  Consumption(String table, boolean write) {
    this.table = table;
    this.write = write;
  }

  /** NONE (null), TOTAL or INDEXES, checked. */
  static String mode(JsonNode request) {
    String mode = request.path("ReturnConsumedCapacity").asText("NONE");
    if (!mode.equals("NONE") && !mode.equals("TOTAL") && !mode.equals("INDEXES")) {
      throw Errors.validation("1 validation error detected: Value '" + mode
          + "' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
    }
    return mode.equals("NONE") ? null : mode;
  }

  void addTable(double units) {
    tableUnits += units;
  }

  void addIndex(String index, double units) {
    if (units > 0) indexUnits.merge(index, units, Double::sum);
  }

  void add(Consumption other) {
    tableUnits += other.tableUnits;
    other.indexUnits.forEach(this::addIndex);
  }

  double tableUnits() {
    return tableUnits;
  }

  double total() {
    return tableUnits + indexUnits.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** A write's cost: the larger of before and after on the table, and on each index the entries it changes. */
  void chargeWrite(Table t, ObjectNode before, ObjectNode after, int multiplier) {
    long size = Math.max(before == null ? 0 : CapacityRules.itemSize(before), after == null ? 0 : CapacityRules.itemSize(after));
    addTable(CapacityRules.writeUnits(size) * multiplier);
    for (IndexSpec i : t.spec.indexes) addIndex(i.name(), indexWriteUnits(t, i, before, after) * multiplier);
  }

  private static int indexWriteUnits(Table t, IndexSpec i, ObjectNode before, ObjectNode after) {
    ObjectNode was = before != null && i.schema().covers(before) ? i.project(before, t.spec.key) : null;
    ObjectNode now = after != null && i.schema().covers(after) ? i.project(after, t.spec.key) : null;
    if (was == null && now == null) return 0;
    if (was == null) return CapacityRules.writeUnits(CapacityRules.itemSize(now));
    if (now == null) return CapacityRules.writeUnits(CapacityRules.itemSize(was));
    if (Values.itemsEqual(was, now)) return 0;
    boolean sameKey = i.schema().names().stream().allMatch(n -> Values.equal(was.get(n), now.get(n)));
    if (sameKey) return CapacityRules.writeUnits(Math.max(CapacityRules.itemSize(was), CapacityRules.itemSize(now)));
    // A changed index key is a delete of the old entry and a put of the new one.
    return CapacityRules.writeUnits(CapacityRules.itemSize(was)) + CapacityRules.writeUnits(CapacityRules.itemSize(now));
  }

  /** The {@code ConsumedCapacity} list of a multi-table operation, when one was asked for. */
  static void putList(ObjectNode response, String mode, java.util.Collection<Consumption> consumed) {
    if (mode == null) return;
    var list = response.putArray("ConsumedCapacity");
    consumed.forEach(c -> list.add(c.toJson(mode)));
  }

  ObjectNode toJson(String mode) {
    ObjectNode out = Values.JSON.createObjectNode().put("TableName", table).put("CapacityUnits", total())
        .put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", total());
    if ("INDEXES".equals(mode)) {
      out.putObject("Table").put("CapacityUnits", tableUnits).put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", tableUnits);
      if (!indexUnits.isEmpty()) {
        ObjectNode gsis = out.putObject("GlobalSecondaryIndexes");
        indexUnits.forEach((n, u) -> gsis.putObject(n).put("CapacityUnits", u).put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", u));
      }
    }
    return out;
  }
}
