package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Developer Guide, "Supported data types: Number": 38 significant digits, decimal comparison, normalised on the way out. */
class NumberSemanticsTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();

  @ParameterizedTest(name = "{0} is stored and returned as {1}")
  @CsvSource({"01.50, 1.5", "100, 100", "1e3, 1000", "-0.000, 0", "12345678901234567890123456789012345678, 12345678901234567890123456789012345678",
      "0.12345678901234567890123456789012345678, 0.12345678901234567890123456789012345678", "-9.9999999999999999999999999999999999999E+125, "
      + "-999999999999999999999999999999999999990000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"})
  void numbersAreNormalised(String written, String returned) {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "n", n(written))));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1"))).item().get("n").n()).isEqualTo(returned);
  }

  @ParameterizedTest(name = "{0} < {1} as decimals")
  @CsvSource({"9, 10", "-10, -9", "0.1, 0.11", "1e2, 101", "99999999999999999999999999999999999998, 99999999999999999999999999999999999999"})
  void numbersCompareAsDecimalsNotStrings(String low, String high) {
    String t = db.table("SK", b -> b.attributeDefinitions(def("PK", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
        def("SK", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N)));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", n(high))));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", n(low))));
    var items = db.dynamo.query(r -> r.tableName(t).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", s("a")))).items();
    assertThat(items).extracting(i -> new java.math.BigDecimal(i.get("SK").n()))
        .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(new java.math.BigDecimal(low), new java.math.BigDecimal(high));
    assertThat(db.dynamo.query(r -> r.tableName(t).keyConditionExpression("PK = :p AND SK < :h")
        .expressionAttributeValues(Map.of(":p", s("a"), ":h", n(high)))).count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "\"{0}\" sorts before \"{1}\" by UTF-8 bytes")
  @CsvSource({"A, a", "Z, a", "a, aa", "z, é", "é, 中"})
  void stringsCompareByUtf8Bytes(String low, String high) {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s(high))));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s(low))));
    var items = db.dynamo.query(r -> r.tableName(t).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", s("a")))).items();
    assertThat(items).extracting(i -> i.get("SK").s()).isEqualTo(List.of(low, high));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({"0.1, 0.2, 0.3", "1e20, 1, 100000000000000000001", "-5, 5, 0", "1.5, -0.25, 1.25"})
  void arithmeticIsExactDecimal(String a, String b, String sum) {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "n", n(a))));
    db.dynamo.updateItem(r -> r.tableName(t).key(key("a", "1")).updateExpression("SET n = n + :b").expressionAttributeValues(Map.of(":b", n(b))));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1"))).item().get("n").n()).isEqualTo(sum);
  }
}
