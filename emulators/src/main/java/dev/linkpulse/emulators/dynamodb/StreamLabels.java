package dev.linkpulse.emulators.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The identifiers a stream hands out: labels, shard ids and sequence numbers, in DynamoDB's formats. */
final class StreamLabels {
  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  /** Sequence numbers are decimal strings of 21 digits: numeric and lexical order agree. */
  private static final long SEQUENCE_BASE_DIGITS = 20;

  private StreamLabels() {}

  static String label(Instant at) {
    return LABEL.format(at);
  }

  static String shardId(Instant at) {
    return String.format("shardId-%020d-%s", at.toEpochMilli(), HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
  }

  static String sequence(long n) {
    return "1" + String.format("%0" + SEQUENCE_BASE_DIGITS + "d", n);
  }

  /** The counter behind a sequence number, or -1 when the text is not one of ours. */
  static long parseSequence(String text) {
    if (text == null || text.length() != SEQUENCE_BASE_DIGITS + 1 || text.charAt(0) != '1') return -1;
    try {
      return Long.parseLong(text.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
