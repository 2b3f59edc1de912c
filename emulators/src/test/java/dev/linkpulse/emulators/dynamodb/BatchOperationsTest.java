package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static dev.linkpulse.emulators.dynamodb.ItemOperationsTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** API Reference, BatchWriteItem (25 puts/deletes) and BatchGetItem (100 keys): limits, duplicates, results. */
class BatchOperationsTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();

  private static WriteRequest put(String pk) {
    return WriteRequest.builder().putRequest(p -> p.item(Map.of("PK", s(pk), "SK", s("1"), "v", s(pk)))).build();
  }

  @Test
  void batchWriteItemPutsAndDeletesAcrossTables() {
    String a = db.table();
    String b = db.table();
    db.dynamo.putItem(r -> r.tableName(b).item(key("gone", "1")));
    var response = db.dynamo.batchWriteItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
        a, List.of(put("x"), put("y")),
        b, List.of(WriteRequest.builder().deleteRequest(d -> d.key(key("gone", "1"))).build(), put("z")))));
    assertThat(response.unprocessedItems()).isEmpty();
    assertThat(response.consumedCapacity()).hasSize(2).allSatisfy(c -> assertThat(c.capacityUnits()).isEqualTo(2.0));
    assertThat(db.dynamo.scan(r -> r.tableName(a)).count()).isEqualTo(2);
    assertThat(db.dynamo.scan(r -> r.tableName(b)).items()).extracting(i -> i.get("PK").s()).containsExactly("z");
  }

  @Test
  void batchWriteItemTakesAtMost25Requests() {
    String t = db.table();
    var writes = IntStream.range(0, 26).mapToObj(i -> put("k" + i)).toList();
    assertValidation(() -> db.dynamo.batchWriteItem(r -> r.requestItems(Map.of(t, writes))), "Member must have length less than or equal to 25");
    assertThat(db.dynamo.scan(r -> r.tableName(t)).count()).isZero();
  }

  @Test
  void batchWriteItemRefusesTwoRequestsForOneItem() {
    String t = db.table();
    assertValidation(() -> db.dynamo.batchWriteItem(r -> r.requestItems(Map.of(t, List.of(put("x"), put("x"))))),
        "Provided list of item keys contains duplicates");
  }

  @Test
  void aBadRequestInABatchWritesNothing() {
    String t = db.table();
    WriteRequest bad = WriteRequest.builder().putRequest(p -> p.item(Map.of("PK", s("only-pk")))).build();
    assertValidation(() -> db.dynamo.batchWriteItem(r -> r.requestItems(Map.of(t, List.of(put("x"), bad)))), "Missing the key SK");
    assertThat(db.dynamo.scan(r -> r.tableName(t)).count()).isZero();
  }

  @Test
  void batchGetItemReturnsFoundItemsPerTableWithProjection() {
    String t = db.table();
    db.dynamo.batchWriteItem(r -> r.requestItems(Map.of(t, List.of(put("x"), put("y")))));
    var response = db.dynamo.batchGetItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(t,
        KeysAndAttributes.builder().keys(key("x", "1"), key("y", "1"), key("missing", "1")).projectionExpression("v").consistentRead(true).build())));
    assertThat(response.responses().get(t)).extracting(i -> i.get("v").s()).containsExactlyInAnyOrder("x", "y");
    assertThat(response.responses().get(t)).allSatisfy(i -> assertThat(i).containsOnlyKeys("v"));
    assertThat(response.unprocessedKeys()).isEmpty();
    assertThat(response.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(3.0));
  }

  @Test
  void batchGetItemTakesAtMost100KeysAndNoDuplicates() {
    String t = db.table();
    var keys = IntStream.range(0, 101).mapToObj(i -> key("k" + i, "1")).toList();
    assertValidation(() -> db.dynamo.batchGetItem(r -> r.requestItems(Map.of(t, KeysAndAttributes.builder().keys(keys).build()))),
        "Too many items requested for the BatchGetItem call");
    assertValidation(() -> db.dynamo.batchGetItem(r -> r.requestItems(Map.of(t, KeysAndAttributes.builder().keys(key("a", "1"), key("a", "1")).build()))),
        "Provided list of item keys contains duplicates");
  }
}
