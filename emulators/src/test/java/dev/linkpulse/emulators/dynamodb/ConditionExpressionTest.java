package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Developer Guide, "Condition and filter expressions, operators, and functions": each rule checked through a real
 * conditional PutItem (the condition holds: the put succeeds; it does not: ConditionalCheckFailedException), and the
 * same expression as a Scan filter.
 */
class ConditionExpressionTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();
  static String table;
  static final Map<String, AttributeValue> ITEM = new HashMap<>();

  static {
    ITEM.put("PK", s("product"));
    ITEM.put("SK", s("1"));
    ITEM.put("Price", n("650"));
    ITEM.put("Title", s("Bicycle 123"));
    ITEM.put("Colors", AttributeValue.fromSs(java.util.List.of("Red", "Black")));
    ITEM.put("Sizes", AttributeValue.fromNs(java.util.List.of("1", "2.5")));
    ITEM.put("Pictures", m(Map.of("FrontView", s("front.jpg"), "SideView", s("side.jpg"))));
    ITEM.put("Reviews", l(s("great"), n("5"), m(Map.of("stars", n("4")))));
    ITEM.put("Blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, (byte) 0xff})));
    ITEM.put("InStock", AttributeValue.fromBool(true));
    ITEM.put("Gone", AttributeValue.fromNul(true));
    ITEM.put("Empty", s(""));
  }

  @BeforeAll
  static void item() {
    table = db.table();
    db.dynamo.putItem(r -> r.tableName(table).item(ITEM));
  }

  static Stream<Arguments> comparators() {
    return Stream.of(
        Arguments.of("Price = :v", n("650"), true),
        Arguments.of("Price = :v", n("650.000"), true),
        Arguments.of("Price <> :v", n("650"), false),
        Arguments.of("Price < :v", n("1000"), true),
        Arguments.of("Price <= :v", n("650"), true),
        Arguments.of("Price > :v", n("99.5"), true),
        Arguments.of("Price >= :v", n("651"), false),
        Arguments.of("Title < :v", s("Bicycle 2"), true),
        Arguments.of("Title = :v", s("bicycle 123"), false),
        Arguments.of("Price = :v", s("650"), false),
        Arguments.of("Price < :v", s("700"), false),
        Arguments.of("Price <> :v", s("650"), true),
        Arguments.of("Missing = :v", n("1"), false),
        Arguments.of("Missing <> :v", n("1"), false),
        Arguments.of("Colors = :v", AttributeValue.fromSs(java.util.List.of("Black", "Red")), true),
        Arguments.of("Pictures.FrontView = :v", s("front.jpg"), true),
        Arguments.of("Reviews[2].stars = :v", n("4"), true),
        Arguments.of("Reviews[1] = :v", n("5"), true),
        Arguments.of("Blob < :v", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 3})), true),
        Arguments.of("InStock = :v", AttributeValue.fromBool(true), true),
        Arguments.of("Empty = :v", s(""), true));
  }

  @ParameterizedTest(name = "{0} with :v = {1} is {2}")
  @MethodSource
  void comparators(String expression, AttributeValue v, boolean expected) {
    assertCondition(expression, Map.of(":v", v), expected);
  }

  static Stream<Arguments> betweenAndIn() {
    return Stream.of(
        Arguments.of("Price BETWEEN :a AND :b", n("600"), n("700"), true),
        Arguments.of("Price BETWEEN :a AND :b", n("650"), n("650"), true),
        Arguments.of("Price BETWEEN :a AND :b", n("651"), n("700"), false),
        Arguments.of("Title BETWEEN :a AND :b", s("A"), s("C"), true),
        Arguments.of("Price IN (:a, :b)", n("1"), n("650"), true),
        Arguments.of("Price IN (:a, :b)", n("1"), n("2"), false),
        Arguments.of("Title IN (:a, :b)", s("Bicycle 123"), n("2"), true));
  }

  @ParameterizedTest(name = "{0} with {1}, {2} is {3}")
  @MethodSource
  void betweenAndIn(String expression, AttributeValue a, AttributeValue b, boolean expected) {
    assertCondition(expression, Map.of(":a", a, ":b", b), expected);
  }

  static Stream<Arguments> functions() {
    return Stream.of(
        Arguments.of("attribute_exists(Pictures.SideView)", null, true),
        Arguments.of("attribute_exists(Pictures.RearView)", null, false),
        Arguments.of("attribute_not_exists(Manufacturer)", null, true),
        Arguments.of("attribute_not_exists(Price)", null, false),
        Arguments.of("attribute_exists(Gone)", null, true),
        Arguments.of("attribute_type(Price, :v)", s("N"), true),
        Arguments.of("attribute_type(Colors, :v)", s("SS"), true),
        Arguments.of("attribute_type(Reviews, :v)", s("M"), false),
        Arguments.of("attribute_type(Gone, :v)", s("NULL"), true),
        Arguments.of("begins_with(Title, :v)", s("Bicy"), true),
        Arguments.of("begins_with(Title, :v)", s("bicy"), false),
        Arguments.of("begins_with(Pictures.FrontView, :v)", s("front"), true),
        Arguments.of("begins_with(Blob, :v)", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})), true),
        Arguments.of("begins_with(Price, :v)", s("6"), false),
        Arguments.of("contains(Title, :v)", s("cycle"), true),
        Arguments.of("contains(Colors, :v)", s("Red"), true),
        Arguments.of("contains(Colors, :v)", s("Blue"), false),
        Arguments.of("contains(Sizes, :v)", n("2.50"), true),
        Arguments.of("contains(Reviews, :v)", s("great"), true),
        Arguments.of("contains(Reviews, :v)", n("4"), false),
        Arguments.of("contains(Blob, :v)", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {2, (byte) 0xff})), true),
        Arguments.of("size(Title) = :v", n("11"), true),
        Arguments.of("size(Colors) = :v", n("2"), true),
        Arguments.of("size(Reviews) > :v", n("2"), true),
        Arguments.of("size(Pictures) = :v", n("2"), true),
        Arguments.of("size(Blob) = :v", n("3"), true),
        Arguments.of("size(Missing) = :v", n("0"), false),
        Arguments.of("size(Price) = :v", n("3"), false));
  }

  @ParameterizedTest(name = "{0} with :v = {1} is {2}")
  @MethodSource
  void functions(String expression, AttributeValue v, boolean expected) {
    assertCondition(expression, v == null ? Map.of() : Map.of(":v", v), expected);
  }

  /** Precedence, tightest first: comparators, IN, BETWEEN, functions, parentheses, NOT, AND, OR. */
  static Stream<Arguments> precedence() {
    return Stream.of(
        Arguments.of("Price = :yes OR Price = :no AND Price = :no", true),
        Arguments.of("(Price = :yes OR Price = :no) AND Price = :no", false),
        Arguments.of("NOT Price = :no AND Price = :yes", true),
        Arguments.of("NOT (Price = :no OR Price = :yes)", false),
        Arguments.of("NOT Price = :yes OR Price = :yes", true),
        Arguments.of("NOT NOT Price = :yes", true),
        Arguments.of("Price = :no OR NOT attribute_exists(Price) OR Price BETWEEN :yes AND :yes", true),
        Arguments.of("attribute_exists(Price) AND Price IN (:no, :yes) AND NOT Price = :no", true),
        Arguments.of("price = :yes", false));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource
  void precedence(String expression, boolean expected) {
    Map<String, AttributeValue> values = new HashMap<>();
    if (expression.contains(":yes")) values.put(":yes", n("650"));
    if (expression.contains(":no")) values.put(":no", n("1"));
    assertCondition(expression, values, expected);
  }

  static Stream<Arguments> malformedExpressions() {
    return Stream.of(
        Arguments.of("Price =", "Syntax error"),
        Arguments.of("Price = :v AND", "Syntax error"),
        Arguments.of("(Price = :v", "Syntax error"),
        Arguments.of("Price == :v", "Syntax error"),
        Arguments.of("Price = :v Price", "Syntax error"),
        Arguments.of("Price ! :v", "Syntax error"),
        Arguments.of("", "The expression can not be empty"),
        Arguments.of("Price = :undefined", "An expression attribute value used in expression is not defined; attribute value: :undefined"),
        Arguments.of("#undefined = :v", "An expression attribute name used in the document path is not defined; attribute name: #undefined"),
        Arguments.of("attribute_type(Price, :v)", "Invalid attribute type name found"),
        Arguments.of("Price BETWEEN :big AND :v", "The BETWEEN operator requires upper bound to be greater than or equal to lower bound"));
  }

  @ParameterizedTest(name = "{0} -> ValidationException: {1}")
  @MethodSource
  void malformedExpressions(String expression, String message) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":v", n("1")));
    if (expression.contains(":big")) values.put(":big", n("2"));
    assertThatThrownBy(() -> db.dynamo.putItem(r -> r.tableName(table).item(ITEM).conditionExpression(expression).expressionAttributeValues(values)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.statusCode()).isEqualTo(400);
        })
        .hasMessageContaining(message);
  }

  static Stream<Arguments> unusedPlaceholdersAreRefused() {
    return Stream.of(
        Arguments.of(Map.of("#p", "Price", "#q", "Title"), Map.of(":v", n("650")), "unused in expressions: keys: {#q}"),
        Arguments.of(Map.of("#p", "Price"), Map.of(":v", n("650"), ":w", n("1")), "ExpressionAttributeValues unused in expressions: keys: {:w}"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource
  void unusedPlaceholdersAreRefused(Map<String, String> names, Map<String, AttributeValue> values, String message) {
    assertThatThrownBy(() -> db.dynamo.putItem(r -> r.tableName(table).item(ITEM).conditionExpression("#p = :v")
        .expressionAttributeNames(names).expressionAttributeValues(values)))
        .isInstanceOf(DynamoDbException.class).hasMessageContaining(message);
  }

  private static void assertCondition(String expression, Map<String, AttributeValue> values, boolean expected) {
    Runnable put = () -> db.dynamo.putItem(r -> r.tableName(table).item(ITEM).conditionExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values));
    if (expected) put.run();
    else assertThatThrownBy(put::run).isInstanceOf(ConditionalCheckFailedException.class);
    int matched = db.dynamo.scan(r -> r.tableName(table).filterExpression(expression).expressionAttributeValues(values.isEmpty() ? null : values)).count();
    assertThat(matched).as("the same expression as a Scan filter").isEqualTo(expected ? 1 : 0);
  }
}
