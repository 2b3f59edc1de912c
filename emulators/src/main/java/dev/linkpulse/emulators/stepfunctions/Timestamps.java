package dev.linkpulse.emulators.stepfunctions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Timestamps as ASL reads them (RFC 3339 with an uppercase T, seconds and an offset) and as the context shows them. */
final class Timestamps {
  private static final Pattern RFC3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
  private static final DateTimeFormatter CONTEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static Optional<Instant> parse(String text) {
    if (!RFC3339.matcher(text).matches()) return Optional.empty();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code 2019-03-26T20:14:13.192Z}: the shape of the context object's times. */
  static String format(Instant instant) {
    return CONTEXT.format(instant);
  }
}
