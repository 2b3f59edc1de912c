package dev.linkpulse.emulators.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Shard iterators: opaque to clients, a position in one shard that expires 15 minutes after it was issued. */
final class ShardIterators {
  static final Duration LIFETIME = Duration.ofMinutes(15);

  /** Reads continue after sequence {@code after}; {@code fromTrimHorizon} tolerates records trimmed meanwhile. */
  record Position(String streamArn, String shardId, long after, boolean fromTrimHorizon, Instant issued) {}

  private ShardIterators() {}

  static String encode(Position p) {
    String text = String.join("|", p.streamArn(), p.shardId(), Long.toString(p.after()), Boolean.toString(p.fromTrimHorizon()),
        Long.toString(p.issued().toEpochMilli()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static Position decode(String iterator) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 5) throw new IllegalArgumentException("wrong part count");
      return new Position(parts[0], parts[1], Long.parseLong(parts[2]), Boolean.parseBoolean(parts[3]), Instant.ofEpochMilli(Long.parseLong(parts[4])));
    } catch (IllegalArgumentException e) {
      throw Errors.validation("Invalid ShardIterator");
    }
  }
}
