package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static dev.linkpulse.emulators.dynamodb.ItemOperationsTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** API Reference, Query and Scan: key conditions, order, Limit and pagination, indexes, COUNT, filters and segments. */
class QueryScanTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();
  static String table;

  @BeforeAll
  static void items() {
    table = db.table("SK", b -> b.attributeDefinitions(def("PK", ScalarAttributeType.S), def("SK", ScalarAttributeType.S),
            def("Owner", ScalarAttributeType.S), def("Created", ScalarAttributeType.N))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byOwner")
            .keySchema(key("Owner", KeyType.HASH), key("Created", KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    for (int i = 0; i < 10; i++) {
      int n = i;
      Map<String, AttributeValue> item = new HashMap<>(Map.of("PK", s("p"), "SK", s("item#" + n), "n", n("" + n)));
      if (n % 2 == 0) {
        item.put("Owner", s("alice"));
        item.put("Created", n("" + (100 - n)));
      }
      db.dynamo.putItem(r -> r.tableName(table).item(item));
    }
    for (int p = 0; p < 20; p++) {
      int n = p;
      db.dynamo.putItem(r -> r.tableName(table).item(Map.of("PK", s("other" + n), "SK", s("x"))));
    }
  }

  static Stream<Arguments> keyConditions() {
    return Stream.of(
        Arguments.of("PK = :p", Map.<String, AttributeValue>of(), 10),
        Arguments.of("PK = :p AND SK = :a", Map.of(":a", s("item#3")), 1),
        Arguments.of("PK = :p AND SK < :a", Map.of(":a", s("item#3")), 3),
        Arguments.of("PK = :p AND SK <= :a", Map.of(":a", s("item#3")), 4),
        Arguments.of("PK = :p AND SK > :a", Map.of(":a", s("item#3")), 6),
        Arguments.of("PK = :p AND SK >= :a", Map.of(":a", s("item#3")), 7),
        Arguments.of("PK = :p AND SK BETWEEN :a AND :b", Map.of(":a", s("item#2"), ":b", s("item#5")), 4),
        Arguments.of("PK = :p AND begins_with(SK, :a)", Map.of(":a", s("item#")), 10),
        Arguments.of("SK = :a AND PK = :p", Map.of(":a", s("item#9")), 1),
        Arguments.of("(PK = :p) AND (SK > :a)", Map.of(":a", s("item#8")), 1));
  }

  @ParameterizedTest(name = "{0} matches {2}")
  @MethodSource
  void keyConditions(String expression, Map<String, AttributeValue> values, int count) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":p", s("p"));
    assertThat(db.dynamo.query(r -> r.tableName(table).keyConditionExpression(expression).expressionAttributeValues(all)).count()).isEqualTo(count);
  }

  static Stream<Arguments> unsupportedKeyConditions() {
    return Stream.of(
        Arguments.of("SK = :a", "Query condition missed key schema element: PK"),
        Arguments.of("PK = :p OR SK = :a", "Invalid operator used in KeyConditionExpression: OR"),
        Arguments.of("PK = :p AND SK <> :a", "Query key condition not supported"),
        Arguments.of("PK < :p", "Query key condition not supported"),
        Arguments.of("PK = :p AND n = :a", "Query condition missed key schema element"),
        Arguments.of("PK = :p AND contains(SK, :a)", "Invalid operator used in KeyConditionExpression: contains"),
        Arguments.of("PK = :p AND SK > :a AND SK < :a", "KeyConditionExpressions must only contain one condition per key"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void unsupportedKeyConditions(String expression, String message) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s("p")));
    if (expression.contains(":a")) values.put(":a", s("x"));
    assertValidation(() -> db.dynamo.query(r -> r.tableName(table).keyConditionExpression(expression).expressionAttributeValues(values)), message);
  }

  @Test
  void scanIndexForwardFalseReturnsDescendingSortKeys() {
    var desc = db.dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", s("p")))
        .scanIndexForward(false)).items();
    List<String> keys = desc.stream().map(i -> i.get("SK").s()).toList();
    assertThat(keys).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSize(10);
  }

  @ParameterizedTest(name = "Limit {0}, forward {1}: pages cover every item once, in order")
  @MethodSource
  void paginationWithExclusiveStartKeyVisitsEveryItemOnce(int limit, boolean forward) {
    List<String> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> from = start;
      var page = db.dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", s("p")))
          .limit(limit).scanIndexForward(forward).exclusiveStartKey(from).build());
      assertThat(page.count()).isLessThanOrEqualTo(limit);
      page.items().forEach(i -> seen.add(i.get("SK").s()));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      pages++;
    } while (start != null && pages < 100);
    List<String> expected = new ArrayList<>(IntStream.range(0, 10).mapToObj(i -> "item#" + i).toList());
    if (!forward) java.util.Collections.reverse(expected);
    assertThat(seen).isEqualTo(expected);
  }

  static Stream<Arguments> paginationWithExclusiveStartKeyVisitsEveryItemOnce() {
    return Stream.of(Arguments.of(1, true), Arguments.of(3, true), Arguments.of(3, false), Arguments.of(10, true), Arguments.of(11, false));
  }

  @Test
  void limitCountsItemsEvaluatedBeforeTheFilter() {
    var page = db.dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").filterExpression("n >= :five")
        .expressionAttributeValues(Map.of(":p", s("p"), ":five", n("5"))).limit(6));
    assertThat(page.scannedCount()).isEqualTo(6);
    assertThat(page.count()).isEqualTo(1);
    assertThat(page.lastEvaluatedKey()).isEqualTo(key("p", "item#5"));
  }

  @Test
  void selectCountReturnsCountsWithoutItems() {
    var page = db.dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", s("p"))).select(Select.COUNT));
    assertThat(page.count()).isEqualTo(10);
    assertThat(page.hasItems()).isFalse();
  }

  @Test
  void aSparseGlobalSecondaryIndexHoldsOnlyItemsWithItsKeyInItsSortOrder() {
    var page = db.dynamo.query(r -> r.tableName(table).indexName("byOwner").keyConditionExpression("#o = :o")
        .expressionAttributeNames(Map.of("#o", "Owner")).expressionAttributeValues(Map.of(":o", s("alice"))).limit(2));
    assertThat(page.items()).extracting(i -> i.get("Created").n()).containsExactly("92", "94");
    assertThat(page.lastEvaluatedKey()).containsOnlyKeys("PK", "SK", "Owner", "Created");
    var rest = db.dynamo.query(r -> r.tableName(table).indexName("byOwner").keyConditionExpression("#o = :o")
        .expressionAttributeNames(Map.of("#o", "Owner")).expressionAttributeValues(Map.of(":o", s("alice"))).exclusiveStartKey(page.lastEvaluatedKey()));
    assertThat(rest.items()).extracting(i -> i.get("Created").n()).containsExactly("96", "98", "100");
    assertThat(db.dynamo.scan(r -> r.tableName(table).indexName("byOwner")).count()).isEqualTo(5);
  }

  @Test
  void indexReadsRefuseConsistentReadAndUnknownIndexes() {
    assertValidation(() -> db.dynamo.query(r -> r.tableName(table).indexName("byOwner").consistentRead(true).keyConditionExpression("#o = :o")
        .expressionAttributeNames(Map.of("#o", "Owner")).expressionAttributeValues(Map.of(":o", s("alice")))), "Consistent reads are not supported on global secondary indexes");
    assertValidation(() -> db.dynamo.query(r -> r.tableName(table).indexName("nope").keyConditionExpression("PK = :p")
        .expressionAttributeValues(Map.of(":p", s("p")))), "The table does not have the specified index: nope");
  }

  @ParameterizedTest(name = "{0} segments together cover the table once")
  @ValueSource(ints = {1, 2, 3, 7})
  void parallelScanSegmentsPartitionTheTable(int segments) {
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int seg = 0; seg < segments; seg++) {
      int segment = seg;
      for (var page : db.dynamo.scanPaginator(r -> r.tableName(table).segment(segment).totalSegments(segments).limit(4))) {
        for (var item : page.items()) {
          seen.add(item.get("PK").s() + "/" + item.get("SK").s());
          total++;
        }
      }
    }
    assertThat(total).isEqualTo(30);
    assertThat(seen).hasSize(30);
  }

  @Test
  void segmentParametersAreChecked() {
    assertValidation(() -> db.dynamo.scan(r -> r.tableName(table).segment(2).totalSegments(2)), "The Segment parameter is zero-based and must be less than parameter TotalSegments");
    assertValidation(() -> db.dynamo.scan(r -> r.tableName(table).segment(0)), "The TotalSegments parameter is required");
  }

  @Test
  void aScanPageStopsAtOneMegabyte() {
    String t = db.table();
    for (int i = 0; i < 4; i++) {
      int n = i;
      db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("big"), "SK", s("" + n), "b", s("x".repeat(300 * 1024)))));
    }
    var first = db.dynamo.scan(r -> r.tableName(t));
    assertThat(first.count()).isEqualTo(4);
    assertThat(first.hasLastEvaluatedKey()).as("exactly at 1.2 MB the page ends after the item that crossed 1 MB").isTrue();
    assertThat(db.dynamo.scan(r -> r.tableName(t).exclusiveStartKey(first.lastEvaluatedKey())).count()).isZero();
  }
}
