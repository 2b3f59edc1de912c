package dev.linkpulse.pipeline.stats;

import dev.linkpulse.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The {@code after} cursor of the CSV export: base64url of the last row's sort key ({@code millis#eventId}). {@link
 * #decode} is a pure function: it gives back a sort key inside the requested range, or throws {@link ApiException}
 * {@code 400 cursor_invalid} and nothing else; a well-formed key outside the range would ask DynamoDB for a
 * {@code BETWEEN} with its bounds reversed, which it refuses.
 */
final class ExportCursor {
  private static final Pattern SORT_KEY = Pattern.compile("(\\d{13})#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final int MAX_LENGTH = 128;

  private ExportCursor() {}

  static String encode(String sortKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
  }

  /** @return null for no cursor (the first page) */
  static String decode(String after, StatsQuery range) {
    if (after == null) return null;
    if (after.length() > MAX_LENGTH) throw invalid();
    String sortKey;
    try {
      sortKey = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    var m = SORT_KEY.matcher(sortKey);
    if (!m.matches()) throw invalid();
    long millis = Long.parseLong(m.group(1));
    if (millis < range.from().toEpochMilli() || millis >= range.to().toEpochMilli()) throw invalid();
    return sortKey;
  }

  private static ApiException invalid() {
    return ApiException.badRequest("cursor_invalid", "after is not a cursor this export returned for this range");
  }
}
