package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** ReturnConsumedCapacity as the Developer Guide's capacity rules give it, through the real SDK. */
class ConsumedCapacityTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();

  /** An item of exactly {@code bytes} (PK "a", SK "1" take 6 bytes; attribute "b" 1 byte of name). */
  static Map<String, AttributeValue> sized(String pk, int bytes) {
    Map<String, AttributeValue> item = new HashMap<>(Map.of("PK", s(pk), "SK", s("1")));
    item.put("b", s("x".repeat(bytes - 2 - pk.length() - 3 - 1)));
    return item;
  }

  @Test
  void aWriteCostsOneUnitPerStartedKilobyteOfTheLargerOfBeforeAndAfter() {
    String t = db.table();
    assertThat(db.dynamo.putItem(r -> r.tableName(t).item(sized("a", 1024)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits()).isEqualTo(1.0);
    assertThat(db.dynamo.putItem(r -> r.tableName(t).item(sized("a", 3000)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits()).isEqualTo(3.0);
    assertThat(db.dynamo.putItem(r -> r.tableName(t).item(sized("a", 100)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits()).as("replacing a 3 KB item").isEqualTo(3.0);
    assertThat(db.dynamo.deleteItem(r -> r.tableName(t).key(key("a", "1")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().writeCapacityUnits()).isEqualTo(1.0);
  }

  @Test
  void readsCostPerStarted4KbAndEventuallyConsistentHalf() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(sized("a", 5000)));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1")).consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits()).isEqualTo(2.0);
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().readCapacityUnits()).isEqualTo(1.0);
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("missing", "1")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits()).as("a miss still costs the minimum").isEqualTo(0.5);
  }

  @Test
  void aQueryCostsTheTotalSizeItReadRoundedUpOnce() {
    String t = db.table();
    for (int i = 0; i < 3; i++) {
      int n = i;
      db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("q"), "SK", s("" + n), "b", s("x".repeat(1500)))));
    }
    var q = db.dynamo.query(r -> r.tableName(t).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", s("q")))
        .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(q.consumedCapacity().capacityUnits()).as("3 x ~1.5 KB = 2 blocks of 4 KB").isEqualTo(2.0);
  }

  @Test
  void transactionsCostDoubleByThePublishedRule() {
    String t = db.table();
    var response = db.dynamo.transactWriteItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(t).item(sized("a", 1000))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(t).item(sized("b", 3000))).build()));
    assertThat(response.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(2.0 * (1 + 3)));
    var reads = db.dynamo.transactGetItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
        g -> g.get(x -> x.tableName(t).key(key("a", "1"))), g -> g.get(x -> x.tableName(t).key(key("b", "1")))));
    assertThat(reads.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(2.0 * (1 + 1)));
  }

  @Test
  void aWriteRefusedByItsConditionStillConsumesCapacity() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(sized("a", 2048)));
    assertThatThrownBy(() -> db.dynamo.putItem(r -> r.tableName(t).item(sized("a", 10)).conditionExpression("attribute_not_exists(PK)")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))).isInstanceOf(ConditionalCheckFailedException.class);
    // The error carries no ConsumedCapacity; the charge shows on the partition's throughput, checked in HotPartitionTest.
  }

  @Test
  void globalSecondaryIndexWritesAreChargedPerIndex() {
    String t = db.table("SK", b -> b.attributeDefinitions(def("PK", ScalarAttributeType.S), def("SK", ScalarAttributeType.S), def("G", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(key("G", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
    var first = db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "G", s("g1")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(first.table().capacityUnits()).isEqualTo(1.0);
    assertThat(first.globalSecondaryIndexes().get("byG").capacityUnits()).isEqualTo(1.0);
    assertThat(first.capacityUnits()).isEqualTo(2.0);
    var moved = db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "G", s("g2")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(moved.globalSecondaryIndexes().get("byG").capacityUnits()).as("a changed index key: delete + put").isEqualTo(2.0);
    var untouched = db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "G", s("g2"), "other", s("x")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(untouched.globalSecondaryIndexes()).as("an unprojected change writes nothing to a KEYS_ONLY index").isEmpty();
    var sparse = db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("b"), "SK", s("1")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(sparse.globalSecondaryIndexes()).as("an item without the index key is not in the index").isEmpty();
  }
}
