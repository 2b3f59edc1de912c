package dev.linkpulse.emulators.cloudwatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** NextToken paging over a list the caller re-creates in the same order on every call. */
final class Pages {
  private Pages() {}

  /** The offset a token stands for (0 without one); a token this emulator did not issue is InvalidNextToken. */
  static int offset(String token, String kind) {
    if (token == null || token.isEmpty()) return 0;
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(kind + ":")) throw CloudWatchErrors.invalidNextToken();
      int offset = Integer.parseInt(text.substring(kind.length() + 1));
      if (offset < 0) throw CloudWatchErrors.invalidNextToken();
      return offset;
    } catch (IllegalArgumentException e) {
      throw CloudWatchErrors.invalidNextToken();
    }
  }

  static String token(String kind, int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The page of {@code size} from {@code offset}, and the token of the next page (null at the end). */
  record Page<T>(List<T> items, String next) {}

  static <T> Page<T> page(List<T> all, String token, String kind, int size) {
    int from = Math.min(offset(token, kind), all.size());
    int to = Math.min(all.size(), from + size);
    return new Page<>(all.subList(from, to), to < all.size() ? token(kind, to) : null);
  }
}
