package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data-test operators of a Choice rule: String, Numeric, Boolean and Timestamp comparisons (each with its
 * {@code ...Path} variant), {@code StringMatches}, and the type tests {@code IsNull}, {@code IsPresent},
 * {@code IsNumeric}, {@code IsString}, {@code IsBoolean}, {@code IsTimestamp}.
 */
record ChoiceOperator(String name, Kind kind, Order order, boolean path) {
  enum Kind { STRING, NUMERIC, BOOLEAN, TIMESTAMP, MATCHES, IS_NULL, IS_PRESENT, IS_NUMERIC, IS_STRING, IS_BOOLEAN, IS_TIMESTAMP }

  enum Order {
    EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_EQUALS, GREATER_THAN_EQUALS;

    boolean holds(int c) {
      return switch (this) {
        case EQUALS -> c == 0;
        case LESS_THAN -> c < 0;
        case GREATER_THAN -> c > 0;
        case LESS_THAN_EQUALS -> c <= 0;
        case GREATER_THAN_EQUALS -> c >= 0;
      };
    }
  }

  private static final Map<String, ChoiceOperator> BY_NAME = new LinkedHashMap<>();
  static final ChoiceOperator IS_PRESENT = new ChoiceOperator("IsPresent", Kind.IS_PRESENT, null, false);

  static {
    String[] suffixes = {"Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"};
    Map<String, Kind> families = Map.of("String", Kind.STRING, "Numeric", Kind.NUMERIC, "Timestamp", Kind.TIMESTAMP);
    families.forEach((family, kind) -> {
      for (int i = 0; i < suffixes.length; i++) {
        register(new ChoiceOperator(family + suffixes[i], kind, Order.values()[i], false));
        register(new ChoiceOperator(family + suffixes[i] + "Path", kind, Order.values()[i], true));
      }
    });
    register(new ChoiceOperator("BooleanEquals", Kind.BOOLEAN, Order.EQUALS, false));
    register(new ChoiceOperator("BooleanEqualsPath", Kind.BOOLEAN, Order.EQUALS, true));
    register(new ChoiceOperator("StringMatches", Kind.MATCHES, null, false));
    register(IS_PRESENT);
    register(new ChoiceOperator("IsNull", Kind.IS_NULL, null, false));
    register(new ChoiceOperator("IsNumeric", Kind.IS_NUMERIC, null, false));
    register(new ChoiceOperator("IsString", Kind.IS_STRING, null, false));
    register(new ChoiceOperator("IsBoolean", Kind.IS_BOOLEAN, null, false));
    register(new ChoiceOperator("IsTimestamp", Kind.IS_TIMESTAMP, null, false));
  }

  private static void register(ChoiceOperator op) {
    BY_NAME.put(op.name, op);
  }

  static Optional<ChoiceOperator> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  static Iterable<String> names() {
    return BY_NAME.keySet();
  }

  boolean typeTest() {
    return kind.name().startsWith("IS_");
  }

  /** Checks a literal operand when the definition is created; returns why it is wrong, if it is. */
  Optional<String> literalProblem(JsonNode literal) {
    boolean ok = switch (kind) {
      case STRING, MATCHES -> literal.isTextual();
      case NUMERIC -> literal.isNumber();
      case BOOLEAN -> literal.isBoolean();
      case TIMESTAMP -> literal.isTextual() && Timestamps.parse(literal.asText()).isPresent();
      default -> literal.isBoolean();
    };
    if (ok) return Optional.empty();
    String expected = switch (kind) {
      case STRING, MATCHES -> "a string";
      case NUMERIC -> "a number";
      case TIMESTAMP -> "an RFC 3339 timestamp such as 2016-03-14T01:59:00Z";
      default -> "a boolean";
    };
    return Optional.of(name + " takes " + expected + ", not " + literal);
  }

  /** The comparison itself; {@code expected} is the literal or the value the {@code ...Path} operand selected. */
  boolean test(JsonNode actual, JsonNode expected) {
    switch (kind) {
      case IS_NULL:
        return actual.isNull() == expected.asBoolean();
      case IS_NUMERIC:
        return actual.isNumber() == expected.asBoolean();
      case IS_STRING:
        return actual.isTextual() == expected.asBoolean();
      case IS_BOOLEAN:
        return actual.isBoolean() == expected.asBoolean();
      case IS_TIMESTAMP:
        return (actual.isTextual() && Timestamps.parse(actual.asText()).isPresent()) == expected.asBoolean();
      case MATCHES:
        return actual.isTextual() && matches(actual.asText(), expected.asText());
      case STRING:
        return actual.isTextual() && expected.isTextual() && order.holds(actual.asText().compareTo(expected.asText()));
      case NUMERIC:
        return actual.isNumber() && expected.isNumber() && order.holds(actual.decimalValue().compareTo(expected.decimalValue()));
      case BOOLEAN:
        return actual.isBoolean() && expected.isBoolean() && actual.asBoolean() == expected.asBoolean();
      default:
        Optional<Instant> a = actual.isTextual() ? Timestamps.parse(actual.asText()) : Optional.empty();
        Optional<Instant> e = expected.isTextual() ? Timestamps.parse(expected.asText()) : Optional.empty();
        return a.isPresent() && e.isPresent() && order.holds(a.get().compareTo(e.get()));
    }
  }

  /** {@code *} matches any run of characters; {@code \*} and {@code \\} are a literal star and backslash. */
  static boolean matches(String value, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return value.matches("(?s)" + regex);
  }
}
