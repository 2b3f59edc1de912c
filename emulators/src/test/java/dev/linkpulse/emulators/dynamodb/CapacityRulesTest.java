package dev.linkpulse.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Developer Guide, "DynamoDB item sizes and formats" and the capacity unit rules, applied alone. */
class CapacityRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> itemSizes() {
    return Stream.of(
        Arguments.of("a string is its name's and its value's UTF-8 bytes", "{\"name\":{\"S\":\"abc\"}}", 4 + 3),
        Arguments.of("multi-byte characters count as their UTF-8 bytes", "{\"k\":{\"S\":\"é€\"}}", 1 + 2 + 3),
        Arguments.of("a number is 1 byte per two significant digits plus 1", "{\"n\":{\"N\":\"12345\"}}", 1 + 3 + 1),
        Arguments.of("leading and trailing zeros are trimmed", "{\"n\":{\"N\":\"000120.0100\"}}", 1 + 3 + 1),
        Arguments.of("zero is one byte", "{\"n\":{\"N\":\"0\"}}", 1 + 1),
        Arguments.of("a binary is its raw bytes, not its base64", "{\"b\":{\"B\":\"AQID\"}}", 1 + 3),
        Arguments.of("a boolean is 1 byte", "{\"ok\":{\"BOOL\":true}}", 2 + 1),
        Arguments.of("a null is 1 byte", "{\"no\":{\"NULL\":true}}", 2 + 1),
        Arguments.of("an empty list or map is 3 bytes", "{\"l\":{\"L\":[]},\"m\":{\"M\":{}}}", 1 + 3 + 1 + 3),
        Arguments.of("each list element adds 1 byte", "{\"l\":{\"L\":[{\"S\":\"ab\"},{\"N\":\"1\"}]}}", 1 + 3 + (2 + 1) + (2 + 1)),
        Arguments.of("each map entry adds its name and 1 byte", "{\"m\":{\"M\":{\"x\":{\"S\":\"ab\"}}}}", 1 + 3 + (1 + 2 + 1)),
        Arguments.of("a set is the sum of its members", "{\"ss\":{\"SS\":[\"ab\",\"c\"]},\"ns\":{\"NS\":[\"1\",\"100\"]}}", 2 + 3 + 2 + (2 + 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void itemSizes(String rule, String item, long bytes) throws Exception {
    assertThat(CapacityRules.itemSize(JSON.readTree(item))).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0} bytes written cost {1} WCU")
  @CsvSource({"0, 1", "1, 1", "1024, 1", "1025, 2", "3500, 4", "409600, 400"})
  void oneWriteUnitPerStartedKilobyte(long bytes, int units) {
    assertThat(CapacityRules.writeUnits(bytes)).isEqualTo(units);
  }

  @ParameterizedTest(name = "{0} bytes read, strongly consistent {1}: {2} RCU")
  @CsvSource({"0, true, 1", "0, false, 0.5", "4096, true, 1", "4097, true, 2", "4097, false, 1", "10000, false, 1.5"})
  void oneReadUnitPerStarted4KbAndHalfForEventualConsistency(long bytes, boolean consistent, double units) {
    assertThat(CapacityRules.readUnits(bytes, consistent)).isEqualTo(units);
  }

  @ParameterizedTest(name = "{0} units cost {1} in a transaction")
  @CsvSource({"1, 2", "4, 8", "0.5, 1"})
  void transactionsCostDouble(double units, double transactional) {
    assertThat(CapacityRules.transactional(units)).isEqualTo(transactional);
  }
}
