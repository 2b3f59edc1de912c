package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** The intrinsic functions of the developer guide, each with its documented arity and argument rules. */
final class IntrinsicFunctions {
  private interface Body {
    JsonNode apply(Intrinsic.Call call, List<JsonNode> args);
  }

  enum Function {
    FORMAT("States.Format", 1, Integer.MAX_VALUE, IntrinsicFunctions::format),
    STRING_TO_JSON("States.StringToJson", 1, 1, (c, a) -> stringToJson(a.get(0))),
    JSON_TO_STRING("States.JsonToString", 1, 1, (c, a) -> Json.NODES.textNode(Json.write(a.get(0)))),
    ARRAY("States.Array", 0, Integer.MAX_VALUE, (c, a) -> Json.array().addAll(a)),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2, (c, a) -> partition(array(a, 0), integer(a, 1))),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2, (c, a) -> Json.NODES.booleanNode(contains(array(a, 0), a.get(1)))),
    ARRAY_RANGE("States.ArrayRange", 3, 3, (c, a) -> range(integer(a, 0), integer(a, 1), integer(a, 2))),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2, (c, a) -> getItem(array(a, 0), integer(a, 1))),
    ARRAY_LENGTH("States.ArrayLength", 1, 1, (c, a) -> Json.NODES.numberNode(array(a, 0).size())),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1, (c, a) -> unique(array(a, 0))),
    BASE64_ENCODE("States.Base64Encode", 1, 1, (c, a) -> base64Encode(text(a, 0))),
    BASE64_DECODE("States.Base64Decode", 1, 1, (c, a) -> base64Decode(text(a, 0))),
    HASH("States.Hash", 2, 2, (c, a) -> hash(a.get(0), text(a, 1))),
    JSON_MERGE("States.JsonMerge", 3, 3, (c, a) -> merge(a)),
    MATH_RANDOM("States.MathRandom", 2, 3, (c, a) -> random(a)),
    MATH_ADD("States.MathAdd", 2, 2, (c, a) -> Json.number(java.math.BigDecimal.valueOf((long) integer(a, 0) + integer(a, 1)))),
    STRING_SPLIT("States.StringSplit", 2, 2, (c, a) -> split(text(a, 0), text(a, 1))),
    UUID_V4("States.UUID", 0, 0, (c, a) -> Json.NODES.textNode(UUID.randomUUID().toString()));

    private final String name;
    private final int min;
    private final int max;
    private final Body body;

    Function(String name, int min, int max, Body body) {
      this.name = name;
      this.min = min;
      this.max = max;
      this.body = body;
    }

    Optional<String> checkArity(int count) {
      if (count >= min && count <= max) return Optional.empty();
      String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
      return Optional.of("takes " + expected + " argument(s), not " + count);
    }

    JsonNode apply(Intrinsic.Call call, List<JsonNode> args) {
      return body.apply(call, args);
    }
  }

  /** The documented ceiling of States.ArrayRange and of Base64 input. */
  static final int MAX_RANGE_ITEMS = 1000;
  static final int MAX_BASE64_CHARS = 10_000;
  private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private IntrinsicFunctions() {}

  static Optional<Function> byName(String name) {
    return Arrays.stream(Function.values()).filter(f -> f.name.equals(name)).findFirst();
  }

  static String names() {
    return Arrays.stream(Function.values()).map(f -> f.name).collect(Collectors.joining(", "));
  }

  private static JsonNode format(Intrinsic.Call call, List<JsonNode> args) {
    Intrinsic.Arg first = call.args().get(0);
    String template = first instanceof Intrinsic.Text t ? t.raw() : textOf(args.get(0), "States.Format template");
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (next >= args.size()) throw StatesError.runtime("States.Format: more {} placeholders than arguments");
        out.append(scalar(args.get(next++)));
        i++;
      } else {
        out.append(c);
      }
    }
    if (next != args.size()) throw StatesError.runtime("States.Format: " + (args.size() - 1) + " arguments for " + (next - 1) + " placeholders");
    return Json.NODES.textNode(out.toString());
  }

  private static String scalar(JsonNode value) {
    if (value.isContainerNode()) throw StatesError.runtime("States.Format arguments must be strings, numbers, booleans or null, not " + value);
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static JsonNode stringToJson(JsonNode value) {
    try {
      return Json.parse(textOf(value, "States.StringToJson argument"));
    } catch (IllegalArgumentException e) {
      throw StatesError.runtime("States.StringToJson: not JSON: " + e.getMessage());
    }
  }

  private static JsonNode partition(ArrayNode array, int size) {
    if (size <= 0) throw StatesError.runtime("States.ArrayPartition: chunk size must be positive, not " + size);
    ArrayNode out = Json.array();
    ArrayNode chunk = null;
    for (JsonNode e : array) {
      if (chunk == null || chunk.size() == size) chunk = out.addArray();
      chunk.add(e);
    }
    return out;
  }

  private static boolean contains(ArrayNode array, JsonNode value) {
    for (JsonNode e : array) if (Json.equivalent(e, value)) return true;
    return false;
  }

  private static JsonNode range(int start, int end, int step) {
    if (step == 0) throw StatesError.runtime("States.ArrayRange: step must not be 0");
    ArrayNode out = Json.array();
    for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
      if (out.size() == MAX_RANGE_ITEMS) throw StatesError.runtime("States.ArrayRange: more than " + MAX_RANGE_ITEMS + " items");
      out.add(Json.number(java.math.BigDecimal.valueOf(i)));
    }
    return out;
  }

  private static JsonNode getItem(ArrayNode array, int index) {
    if (index < 0 || index >= array.size()) throw StatesError.runtime("States.ArrayGetItem: index " + index + " out of bounds for length " + array.size());
    return array.get(index);
  }

  private static JsonNode unique(ArrayNode array) {
    ArrayNode out = Json.array();
    for (JsonNode e : array) if (!contains(out, e)) out.add(e);
    return out;
  }

  private static JsonNode base64Encode(String s) {
    if (s.length() > MAX_BASE64_CHARS) throw StatesError.runtime("States.Base64Encode: input longer than " + MAX_BASE64_CHARS + " characters");
    return Json.NODES.textNode(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode base64Decode(String s) {
    if (s.length() > MAX_BASE64_CHARS) throw StatesError.runtime("States.Base64Decode: input longer than " + MAX_BASE64_CHARS + " characters");
    try {
      return Json.NODES.textNode(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw StatesError.runtime("States.Base64Decode: not Base64: " + e.getMessage());
    }
  }

  private static JsonNode hash(JsonNode data, String algorithm) {
    if (!HASH_ALGORITHMS.contains(algorithm)) throw StatesError.runtime("States.Hash: algorithm must be one of " + HASH_ALGORITHMS + ", not " + algorithm);
    String input = data.isTextual() ? data.asText() : Json.write(data);
    try {
      byte[] digest = MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
      return Json.NODES.textNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode merge(List<JsonNode> args) {
    if (!args.get(0).isObject() || !args.get(1).isObject()) throw StatesError.runtime("States.JsonMerge merges two objects");
    if (!args.get(2).isBoolean() || args.get(2).asBoolean()) throw StatesError.runtime("States.JsonMerge supports only a shallow merge: the third argument must be false");
    ObjectNode out = args.get(0).deepCopy();
    out.setAll((ObjectNode) args.get(1));
    return out;
  }

  private static JsonNode random(List<JsonNode> args) {
    int start = integer(args, 0);
    int end = integer(args, 1);
    if (end <= start) throw StatesError.runtime("States.MathRandom: end must be greater than start");
    Random random = args.size() == 3 ? new Random(integer(args, 2)) : ThreadLocalRandom.current();
    return Json.NODES.numberNode(start + random.nextInt(end - start));
  }

  private static JsonNode split(String s, String delimiters) {
    ArrayNode out = Json.array();
    StringTokenizer tokens = new StringTokenizer(s, delimiters);
    while (tokens.hasMoreTokens()) out.add(tokens.nextToken());
    return out;
  }

  private static ArrayNode array(List<JsonNode> args, int i) {
    if (!args.get(i).isArray()) throw StatesError.runtime("argument " + (i + 1) + " must be an array, not " + args.get(i));
    return (ArrayNode) args.get(i);
  }

  private static String text(List<JsonNode> args, int i) {
    return textOf(args.get(i), "argument " + (i + 1));
  }

  private static String textOf(JsonNode value, String what) {
    if (!value.isTextual()) throw StatesError.runtime(what + " must be a string, not " + value);
    return value.asText();
  }

  private static int integer(List<JsonNode> args, int i) {
    JsonNode value = args.get(i);
    if (!value.isNumber()) throw StatesError.runtime("argument " + (i + 1) + " must be an integer, not " + value);
    try {
      return value.decimalValue().stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      throw StatesError.runtime("argument " + (i + 1) + " must be an integer in 32 bits, not " + value);
    }
  }

}
