package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * DynamoDB's published sizing and capacity rules (Developer Guide: "DynamoDB item sizes and formats", "Read/write
 * capacity mode"), in one place for the engine's {@code ConsumedCapacity} and for any tool that accounts writes:
 *
 * <ul>
 *   <li>an item's size is the sum of its attribute names' UTF-8 bytes and its values' sizes: a string its UTF-8
 *       bytes, a number 1 byte per two significant digits plus 1, a binary its raw bytes, a null or boolean 1 byte,
 *       a list or map 3 bytes plus each element's size plus 1 byte per element, a set the sum of its members;</li>
 *   <li>a write costs 1 WCU per started KB (1,024 bytes) of the larger of the item before and after, at least 1;
 *       a write refused by its condition still costs (by the existing item's size);</li>
 *   <li>a strongly consistent read costs 1 RCU per started 4 KB, an eventually consistent one half of that;</li>
 *   <li>inside a transaction every read and write costs double;</li>
 *   <li>an item may not exceed 400 KB.</li>
 * </ul>
 *
 * Items are given in DynamoDB's JSON wire shape ({@code {"name": {"S": "value"}}}).
 */
public final class CapacityRules {
  public static final int MAX_ITEM_BYTES = 400 * 1024;
  public static final int WRITE_UNIT_BYTES = 1024;
  public static final int READ_UNIT_BYTES = 4 * 1024;
  public static final int TRANSACTION_MULTIPLIER = 2;

  private CapacityRules() {}

  /** Write capacity units for writing an item of {@code itemBytes} (the larger of before and after). */
  public static int writeUnits(long itemBytes) {
    return (int) Math.max(1, (itemBytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
  }

  /** Read capacity units for reading {@code bytes} in one request: per started 4 KB, halved unless strongly consistent. */
  public static double readUnits(long bytes, boolean stronglyConsistent) {
    long blocks = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
    return stronglyConsistent ? blocks : blocks / 2.0;
  }

  /** What the same units cost inside TransactWriteItems or TransactGetItems. */
  public static double transactional(double units) {
    return units * TRANSACTION_MULTIPLIER;
  }

  /** An item's size in bytes. */
  public static long itemSize(JsonNode item) {
    long size = 0;
    for (var it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      size += utf8Length(e.getKey()) + valueSize(e.getValue());
    }
    return size;
  }

  /** One attribute value's size, without its name. */
  public static long valueSize(JsonNode value) {
    if (!value.isObject() || value.size() != 1) throw new IllegalArgumentException("not an attribute value: " + value);
    var field = value.fields().next();
    JsonNode body = field.getValue();
    return switch (field.getKey()) {
      case "S" -> utf8Length(body.asText());
      case "N" -> numberSize(body.asText());
      case "B" -> binaryLength(body.asText());
      case "BOOL", "NULL" -> 1;
      case "SS" -> sum(body, m -> utf8Length(m.asText()));
      case "NS" -> sum(body, m -> numberSize(m.asText()));
      case "BS" -> sum(body, m -> binaryLength(m.asText()));
      case "L" -> 3 + sum(body, m -> valueSize(m) + 1);
      case "M" -> {
        long size = 3;
        for (var it = body.fields(); it.hasNext(); ) {
          var e = it.next();
          size += utf8Length(e.getKey()) + valueSize(e.getValue()) + 1;
        }
        yield size;
      }
      default -> throw new IllegalArgumentException("unknown attribute type " + field.getKey());
    };
  }

  /** A number takes 1 byte per two significant digits (leading and trailing zeros trimmed), plus 1. */
  public static long numberSize(String number) {
    BigDecimal n = new BigDecimal(number.trim()).stripTrailingZeros();
    int digits = n.signum() == 0 ? 0 : n.precision();
    return (digits + 1) / 2 + 1;
  }

  private static long sum(JsonNode array, java.util.function.ToLongFunction<JsonNode> size) {
    long total = 0;
    for (JsonNode m : array) total += size.applyAsLong(m);
    return total;
  }

  private static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    return bytes;
  }

  /** Raw length of base64 text, without decoding it. */
  private static long binaryLength(String base64) {
    int len = base64.length();
    if (len == 0) return 0;
    int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
    return (long) len * 3 / 4 - padding;
  }
}
