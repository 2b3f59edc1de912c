package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** API Reference, PutItem / GetItem / UpdateItem / DeleteItem: return values, key checks, limits and their errors. */
class ItemOperationsTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();

  private static Map<String, AttributeValue> item(String pk, String sk, String v) {
    return Map.of("PK", s(pk), "SK", s(sk), "v", s(v), "keep", s("k"));
  }

  static Stream<Arguments> returnValuesOfUpdateItem() {
    return Stream.of(
        Arguments.of(ReturnValue.NONE, Map.of()),
        Arguments.of(ReturnValue.ALL_OLD, item("a", "1", "old")),
        Arguments.of(ReturnValue.UPDATED_OLD, Map.of("v", s("old"))),
        Arguments.of(ReturnValue.ALL_NEW, item("a", "1", "new")),
        Arguments.of(ReturnValue.UPDATED_NEW, Map.of("v", s("new"))));
  }

  @ParameterizedTest(name = "ReturnValues {0}")
  @MethodSource
  void returnValuesOfUpdateItem(ReturnValue returnValue, Map<String, AttributeValue> expected) {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(item("a", "1", "old")));
    var response = db.dynamo.updateItem(r -> r.tableName(t).key(key("a", "1")).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", s("new"))).returnValues(returnValue));
    assertThat(response.attributes()).isEqualTo(expected);
  }

  @Test
  void putItemAllOldReturnsTheReplacedItemAndNothingForANewOne() {
    String t = db.table();
    assertThat(db.dynamo.putItem(r -> r.tableName(t).item(item("a", "1", "x")).returnValues(ReturnValue.ALL_OLD)).attributes()).isEmpty();
    assertThat(db.dynamo.putItem(r -> r.tableName(t).item(item("a", "1", "y")).returnValues(ReturnValue.ALL_OLD)).attributes())
        .isEqualTo(item("a", "1", "x"));
    assertThat(db.dynamo.deleteItem(r -> r.tableName(t).key(key("a", "1")).returnValues(ReturnValue.ALL_OLD)).attributes())
        .isEqualTo(item("a", "1", "y"));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1"))).hasItem()).isFalse();
  }

  @ParameterizedTest(name = "{0} with ReturnValuesOnConditionCheckFailure ALL_OLD carries the item")
  @MethodSource("conditionalWrites")
  void returnValuesOnConditionCheckFailure(String operation, Consumer<String> write) {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(item("a", "1", "x")));
    assertThatThrownBy(() -> write.accept(t)).isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
      assertThat(e.item()).isEqualTo(item("a", "1", "x"));
      assertThat(e.getMessage()).contains("The conditional request failed");
    });
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1"))).item()).isEqualTo(item("a", "1", "x"));
  }

  static Stream<Arguments> conditionalWrites() {
    DynamoDbClient c = db.dynamo;
    var onFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD;
    return Stream.of(
        Arguments.of("PutItem", (Consumer<String>) t -> c.putItem(r -> r.tableName(t).item(item("a", "1", "y"))
            .conditionExpression("attribute_not_exists(PK)").returnValuesOnConditionCheckFailure(onFailure))),
        Arguments.of("UpdateItem", (Consumer<String>) t -> c.updateItem(r -> r.tableName(t).key(key("a", "1")).updateExpression("SET v = :y")
            .conditionExpression("v = :y").expressionAttributeValues(Map.of(":y", s("y"))).returnValuesOnConditionCheckFailure(onFailure))),
        Arguments.of("DeleteItem", (Consumer<String>) t -> c.deleteItem(r -> r.tableName(t).key(key("a", "1"))
            .conditionExpression("attribute_not_exists(v)").returnValuesOnConditionCheckFailure(onFailure))));
  }

  static Stream<Arguments> keysMustMatchTheSchema() {
    return Stream.of(
        Arguments.of(Map.of("PK", s("a")), "The provided key element does not match the schema"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "x", s("y")), "The provided key element does not match the schema"),
        Arguments.of(Map.of("PK", n("1"), "SK", s("1")), "Type mismatch for key PK expected: S actual: N"),
        Arguments.of(Map.of("PK", s(""), "SK", s("1")), "The AttributeValue for a key attribute cannot contain an empty string value. Key: PK"),
        Arguments.of(Map.of("PK", s("x".repeat(2049)), "SK", s("1")), "Size of hashkey has exceeded the maximum size limit of 2048 bytes"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("x".repeat(1025))), "Aggregated size of all range keys has exceeded the size limit of 1024 bytes"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void keysMustMatchTheSchema(Map<String, AttributeValue> key, String message) {
    String t = db.table();
    assertValidation(() -> db.dynamo.getItem(r -> r.tableName(t).key(key)), message);
    assertValidation(() -> db.dynamo.deleteItem(r -> r.tableName(t).key(key)), message);
  }

  static Stream<Arguments> itemsMustBeStorable() {
    Map<String, AttributeValue> big = new HashMap<>(key("a", "1"));
    big.put("blob", s("x".repeat(400 * 1024)));
    Map<String, AttributeValue> justFits = new HashMap<>(key("a", "1"));
    justFits.put("b", s("x".repeat(400 * 1024 - 1 - 4 - 2 - 3)));
    return Stream.of(
        Arguments.of(big, "Item size has exceeded the maximum allowed size"),
        Arguments.of(justFits, null),
        Arguments.of(Map.of("PK", s("a")), "Missing the key SK in the item"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "e", AttributeValue.fromSs(List.of())), "An string set  may not be empty"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "d", AttributeValue.fromSs(List.of("x", "x"))), "Input collection [x, x] contains duplicates"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "d", AttributeValue.fromNs(List.of("1", "1.0"))), "contains duplicates"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "n", n("1e126")), "Number overflow"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "n", n("1e-131")), "Number underflow"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "n", n("12345678901234567890123456789012345678.9")), "more than 38 significant digits"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "n", n("abc")), "cannot be converted to a numeric value"),
        Arguments.of(Map.of("PK", s("a"), "SK", s("1"), "e", AttributeValue.builder().build()), "Supplied AttributeValue is empty"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void itemsMustBeStorable(Map<String, AttributeValue> item, String message) {
    String t = db.table();
    if (message == null) {
      db.dynamo.putItem(r -> r.tableName(t).item(item));
      return;
    }
    assertValidation(() -> db.dynamo.putItem(r -> r.tableName(t).item(item)), message);
    assertThat(db.dynamo.scan(r -> r.tableName(t)).count()).as("nothing written").isZero();
  }

  @Test
  void anUpdateThatGrowsAnItemPast400KbIsRefused() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "b", s("x".repeat(300 * 1024)))));
    assertValidation(() -> db.dynamo.updateItem(r -> r.tableName(t).key(key("a", "1")).updateExpression("SET c = :c")
        .expressionAttributeValues(Map.of(":c", s("y".repeat(150 * 1024))))), "Item size has exceeded the maximum allowed size");
  }

  @Test
  void updateItemCreatesAMissingItemFromItsKey() {
    String t = db.table();
    db.dynamo.updateItem(r -> r.tableName(t).key(key("new", "1")).updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n("1"))));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("new", "1"))).item()).isEqualTo(Map.of("PK", s("new"), "SK", s("1"), "hits", n("1")));
  }

  @Test
  void projectionExpressionReturnsOnlyTheNamedPaths() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "m", m(Map.of("x", n("1"), "y", n("2"))),
        "l", l(s("p"), s("q"), s("r")), "other", s("o"))));
    var item = db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1")).projectionExpression("#m.x, l[1], PK")
        .expressionAttributeNames(Map.of("#m", "m"))).item();
    assertThat(item).isEqualTo(Map.of("PK", s("a"), "m", m(Map.of("x", n("1"))), "l", l(s("q"))));
  }

  @Test
  void aMissingTableIsResourceNotFound() {
    assertThatThrownBy(() -> db.dynamo.getItem(r -> r.tableName("no-such-table").key(key("a", "1"))))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
        .hasMessageContaining("Requested resource not found");
  }

  @Test
  void invalidReturnValuesAreRefused() {
    String t = db.table();
    assertValidation(() -> db.dynamo.putItem(r -> r.tableName(t).item(item("a", "1", "x")).returnValues(ReturnValue.ALL_NEW)), "ReturnValues");
  }

  static void assertValidation(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(e.statusCode()).isEqualTo(400);
    }).hasMessageContaining(message);
  }
}
