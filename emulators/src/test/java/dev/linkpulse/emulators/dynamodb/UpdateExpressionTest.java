package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Developer Guide, "Using update expressions": SET (with + and -, if_not_exists, list_append), REMOVE, ADD and
 * DELETE, each on an item of known shape, checked through the real UpdateItem with ReturnValues ALL_NEW.
 */
class UpdateExpressionTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();

  private static Map<String, AttributeValue> start() {
    Map<String, AttributeValue> item = new HashMap<>(key("p", "1"));
    item.put("Price", n("100"));
    item.put("Title", s("Bike"));
    item.put("Colors", AttributeValue.fromSs(List.of("Red", "Black")));
    item.put("Sizes", AttributeValue.fromNs(List.of("1", "2")));
    item.put("Tags", l(s("a"), s("b"), s("c")));
    item.put("Info", m(Map.of("Weight", n("10"), "Parts", l(s("frame"), s("wheel")))));
    return item;
  }

  static Stream<Arguments> actions() {
    return Stream.of(
        Arguments.of("SET Price = :v", Map.of(":v", n("5")), "Price", n("5")),
        Arguments.of("SET Price = Price + :v", Map.of(":v", n("0.5")), "Price", n("100.5")),
        Arguments.of("SET Price = Price - :v", Map.of(":v", n("150")), "Price", n("-50")),
        Arguments.of("SET Price = :v - Price", Map.of(":v", n("1")), "Price", n("-99")),
        Arguments.of("SET Stock = if_not_exists(Stock, :v)", Map.of(":v", n("7")), "Stock", n("7")),
        Arguments.of("SET Price = if_not_exists(Price, :v)", Map.of(":v", n("7")), "Price", n("100")),
        Arguments.of("SET Hits = if_not_exists(Hits, :z) + :one", Map.of(":z", n("0"), ":one", n("1")), "Hits", n("1")),
        Arguments.of("SET Tags = list_append(Tags, :v)", Map.of(":v", l(s("d"))), "Tags", l(s("a"), s("b"), s("c"), s("d"))),
        Arguments.of("SET Tags = list_append(:v, Tags)", Map.of(":v", l(s("z"))), "Tags", l(s("z"), s("a"), s("b"), s("c"))),
        Arguments.of("SET Tags[1] = :v", Map.of(":v", s("B")), "Tags", l(s("a"), s("B"), s("c"))),
        Arguments.of("SET Tags[10] = :v", Map.of(":v", s("end")), "Tags", l(s("a"), s("b"), s("c"), s("end"))),
        Arguments.of("SET Info.Weight = :v", Map.of(":v", n("11")), "Info", m(Map.of("Weight", n("11"), "Parts", l(s("frame"), s("wheel"))))),
        Arguments.of("SET Info.Parts[0] = :v", Map.of(":v", s("fork")), "Info", m(Map.of("Weight", n("10"), "Parts", l(s("fork"), s("wheel"))))),
        Arguments.of("SET Title = Price, Price = Title", Map.of(), "Price", s("Bike")),
        Arguments.of("REMOVE Tags[0], Tags[2]", Map.of(), "Tags", l(s("b"))),
        Arguments.of("REMOVE Info.Weight", Map.of(), "Info", m(Map.of("Parts", l(s("frame"), s("wheel"))))),
        Arguments.of("ADD Price :v", Map.of(":v", n("-1")), "Price", n("99")),
        Arguments.of("ADD Fresh :v", Map.of(":v", n("3")), "Fresh", n("3")),
        Arguments.of("ADD Colors :v", Map.of(":v", AttributeValue.fromSs(List.of("Blue", "Red"))), "Colors", AttributeValue.fromSs(List.of("Red", "Black", "Blue"))),
        Arguments.of("ADD NewSet :v", Map.of(":v", AttributeValue.fromSs(List.of("x"))), "NewSet", AttributeValue.fromSs(List.of("x"))),
        Arguments.of("DELETE Colors :v", Map.of(":v", AttributeValue.fromSs(List.of("Red", "Green"))), "Colors", AttributeValue.fromSs(List.of("Black"))),
        Arguments.of("DELETE Sizes :v", Map.of(":v", AttributeValue.fromNs(List.of("1.0"))), "Sizes", AttributeValue.fromNs(List.of("2"))),
        Arguments.of("SET Price = :v REMOVE Title ADD Hits :one", Map.of(":v", n("1"), ":one", n("1")), "Hits", n("1")));
  }

  @ParameterizedTest(name = "{0} gives {2} = {3}")
  @MethodSource
  void actions(String expression, Map<String, AttributeValue> values, String attribute, AttributeValue expected) {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(start()));
    var after = db.dynamo.updateItem(r -> r.tableName(t).key(key("p", "1")).updateExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values).returnValues(ReturnValue.ALL_NEW)).attributes();
    if (expected.ss().isEmpty()) assertThat(after.get(attribute)).isEqualTo(expected);
    else assertThat(after.get(attribute).ss()).containsExactlyInAnyOrderElementsOf(expected.ss());
  }

  @ParameterizedTest(name = "{0} removes {1} entirely")
  @MethodSource
  void removals(String expression, String attribute, Map<String, AttributeValue> values) {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(start()));
    var after = db.dynamo.updateItem(r -> r.tableName(t).key(key("p", "1")).updateExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values).returnValues(ReturnValue.ALL_NEW)).attributes();
    assertThat(after).doesNotContainKey(attribute).containsKey("PK");
  }

  static Stream<Arguments> removals() {
    return Stream.of(
        Arguments.of("REMOVE Title", "Title", Map.of()),
        Arguments.of("REMOVE Missing", "Missing", Map.of()),
        Arguments.of("DELETE Colors :v", "Colors", Map.of(":v", AttributeValue.fromSs(List.of("Red", "Black")))));
  }

  static Stream<Arguments> invalidUpdates() {
    return Stream.of(
        Arguments.of("SET Title = Title + :v", Map.of(":v", n("1")), "An operand in the update expression has an incorrect data type"),
        Arguments.of("SET Tags = list_append(Tags, :v)", Map.of(":v", s("x")), "incorrect data type"),
        Arguments.of("ADD Title :v", Map.of(":v", s("x")), "Incorrect operand type for operator or function; operator: ADD"),
        Arguments.of("ADD Price :v", Map.of(":v", AttributeValue.fromSs(List.of("x"))), "incorrect data type"),
        Arguments.of("DELETE Price :v", Map.of(":v", n("1")), "Incorrect operand type for operator or function; operator: DELETE"),
        Arguments.of("SET PK = :v", Map.of(":v", s("x")), "Cannot update attribute PK. This attribute is part of the key"),
        Arguments.of("SET Price = :v, Price = :v", Map.of(":v", n("1")), "Two document paths overlap with each other"),
        Arguments.of("SET Info.Weight = :v REMOVE Info", Map.of(":v", n("1")), "Two document paths overlap with each other"),
        Arguments.of("SET Price = :v SET Title = :v", Map.of(":v", n("1")), "The \"SET\" section can only be used once"),
        Arguments.of("SET Nope.Deeper = :v", Map.of(":v", n("1")), "The document path provided in the update expression is invalid for update"),
        Arguments.of("SET Price = Missing", Map.of(), "The provided expression refers to an attribute that does not exist in the item"),
        Arguments.of("SET Price = concat(:v)", Map.of(":v", n("1")), "Invalid function name; function: concat"),
        Arguments.of("SET Price = :v + :v + :v", Map.of(":v", n("1")), "Syntax error"),
        Arguments.of("SET Price = :v", Map.of(":v", n("99999999999999999999999999999999999999")), null),
        Arguments.of("SET Price = Price + :v", Map.of(":v", n("99999999999999999999999999999999999999")), "Attempting to store more than 38 significant digits"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource
  void invalidUpdates(String expression, Map<String, AttributeValue> values, String message) {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(start()));
    Runnable update = () -> db.dynamo.updateItem(r -> r.tableName(t).key(key("p", "1")).updateExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values));
    if (message == null) {
      update.run();
      return;
    }
    assertThatThrownBy(update::run).isInstanceOfSatisfying(DynamoDbException.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException")).hasMessageContaining(message);
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("p", "1"))).item()).as("a refused update changes nothing").isEqualTo(start());
  }
}
