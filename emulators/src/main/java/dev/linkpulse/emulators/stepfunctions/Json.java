package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The one JSON mapper of the engine: exact decimals, duplicate keys refused, records by their fields. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** Parses JSON text; {@link IllegalArgumentException} with the parser's own words when it is not JSON. */
  static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null) throw new IllegalArgumentException("empty document");
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A number node of the narrowest kind: 2020 reads the same whether it came from JSON text or a literal. */
  static JsonNode number(java.math.BigDecimal value) {
    try {
      return NODES.numberNode(value.intValueExact());
    } catch (ArithmeticException notInt) {
      try {
        return NODES.numberNode(value.longValueExact());
      } catch (ArithmeticException notLong) {
        return NODES.numberNode(value);
      }
    }
  }

  /** JSON equality in which numbers are equal by value (1, 1.0 and 1L are the same number). */
  static boolean equivalent(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue()) : (x.equals(y) ? 0 : 1), b);
  }

  /** The size AWS's payload quota counts: UTF-8 bytes of the compact serialisation. */
  static int utf8Size(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8).length;
  }
}
