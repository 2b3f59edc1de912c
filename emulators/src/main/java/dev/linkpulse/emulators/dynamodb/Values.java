package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Attribute values in DynamoDB's own wire shape ({@code {"S": "x"}}, {@code {"N": "1.5"}}, {@code {"M": {...}}}),
 * which is also how the engine keeps them: an item is an {@link ObjectNode} of name to value. Values are never
 * mutated once stored; a change builds a new node.
 *
 * <p>Rules (Developer Guide, "Supported data types"): numbers carry up to 38 significant digits and compare as
 * decimals; strings compare by their UTF-8 bytes, binaries by their bytes (unsigned); sets are unordered, non-empty
 * and free of duplicates.
 */
final class Values {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
  static final Set<String> SET_TYPES = Set.of("SS", "NS", "BS");
  private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN_POSITIVE = new BigDecimal("1E-130");

  private Values() {}

  /** The value's type descriptor, or null when the node is not a single-typed attribute value. */
  static String type(JsonNode value) {
    if (value == null || !value.isObject() || value.size() != 1) return null;
    String type = value.fieldNames().next();
    return TYPES.contains(type) ? type : null;
  }

  static JsonNode body(JsonNode value) {
    return value.get(type(value));
  }

  static ObjectNode of(String type, JsonNode body) {
    ObjectNode node = JSON.createObjectNode();
    node.set(type, body);
    return node;
  }

  static ObjectNode s(String s) {
    return JSON.createObjectNode().put("S", s);
  }

  static ObjectNode n(BigDecimal n) {
    return JSON.createObjectNode().put("N", format(n));
  }

  /** Parses a number as DynamoDB does: at most 38 significant digits, magnitude within 1E-130 .. 9.99E+125. */
  static BigDecimal number(String text) {
    BigDecimal n;
    try {
      n = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw Errors.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    BigDecimal stripped = n.stripTrailingZeros();
    if (stripped.signum() != 0 && stripped.precision() > 38) {
      throw Errors.validation("Attempting to store more than 38 significant digits in a Number");
    }
    BigDecimal abs = stripped.abs();
    if (abs.compareTo(MAX) > 0) throw Errors.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
    if (abs.signum() != 0 && abs.compareTo(MIN_POSITIVE) < 0) {
      throw Errors.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    return stripped;
  }

  /** Numbers come back without leading or trailing zeros, as DynamoDB returns them. */
  static String format(BigDecimal n) {
    BigDecimal stripped = n.stripTrailingZeros();
    return stripped.signum() == 0 ? "0" : stripped.toPlainString();
  }

  /** Adds two numbers, refusing a result past 38 digits as DynamoDB does. */
  static BigDecimal add(BigDecimal a, BigDecimal b) {
    BigDecimal sum = a.add(b, MathContext.UNLIMITED);
    return number(sum.toPlainString());
  }

  static byte[] bytes(JsonNode binaryBody) {
    try {
      return Base64.getDecoder().decode(binaryBody.asText());
    } catch (IllegalArgumentException e) {
      throw Errors.serialization("Base64 encoded binary value is not valid: " + e.getMessage());
    }
  }

  /** Equality by DynamoDB's rules: same type, numbers by value, sets regardless of order, documents deeply. */
  static boolean equal(JsonNode a, JsonNode b) {
    String ta = type(a);
    if (ta == null || !ta.equals(type(b))) return false;
    JsonNode x = body(a);
    JsonNode y = body(b);
    return switch (ta) {
      case "N" -> number(x.asText()).compareTo(number(y.asText())) == 0;
      case "B" -> Arrays.equals(bytes(x), bytes(y));
      case "SS", "NS", "BS" -> x.size() == y.size() && setKeys(ta, x).equals(setKeys(ta, y));
      case "L" -> x.size() == y.size() && allEqual(x.elements(), y.elements());
      case "M" -> x.size() == y.size() && mapsEqual(x, y);
      default -> x.equals(y);
    };
  }

  private static boolean allEqual(Iterator<JsonNode> xs, Iterator<JsonNode> ys) {
    while (xs.hasNext()) if (!equal(xs.next(), ys.next())) return false;
    return true;
  }

  private static boolean mapsEqual(JsonNode x, JsonNode y) {
    for (var it = x.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!y.has(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) return false;
    }
    return true;
  }

  /** Items equal attribute by attribute (a rewrite that changes nothing writes no stream record). */
  static boolean itemsEqual(ObjectNode a, ObjectNode b) {
    return a != null && b != null && a.size() == b.size() && mapsEqual(a, b);
  }

  /** Canonical keys of a set's members: numbers by value, binaries by bytes. */
  static Set<String> setKeys(String setType, JsonNode members) {
    Set<String> keys = new HashSet<>();
    for (JsonNode m : members) keys.add(memberKey(setType, m));
    return keys;
  }

  static String memberKey(String setType, JsonNode member) {
    return switch (setType) {
      case "NS" -> format(number(member.asText()));
      case "BS" -> Base64.getEncoder().encodeToString(bytes(member));
      default -> member.asText();
    };
  }

  /**
   * Orders two scalars of the same type (S, N or B); null when they cannot be ordered (different types or a
   * non-scalar), which makes a comparison false rather than an error, as in DynamoDB.
   */
  static Integer compare(JsonNode a, JsonNode b) {
    String ta = type(a);
    if (ta == null || !ta.equals(type(b))) return null;
    return switch (ta) {
      case "N" -> number(body(a).asText()).compareTo(number(body(b).asText()));
      case "S" -> Arrays.compareUnsigned(utf8(body(a).asText()), utf8(body(b).asText()));
      case "B" -> Arrays.compareUnsigned(bytes(body(a)), bytes(body(b)));
      default -> null;
    };
  }

  static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A key value's identity: type and canonical text, so 1, 1.0 and 01 are one key. */
  static String keyText(JsonNode value) {
    String t = type(value);
    JsonNode body = body(value);
    return switch (t) {
      case "N" -> "N:" + format(number(body.asText()));
      case "B" -> "B:" + Base64.getEncoder().encodeToString(bytes(body));
      default -> t + ":" + body.asText();
    };
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }
}
