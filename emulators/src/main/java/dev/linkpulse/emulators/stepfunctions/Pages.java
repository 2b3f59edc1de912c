package dev.linkpulse.emulators.stepfunctions;

import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Offset pagination behind an opaque nextToken; a token that is not ours is AWS's InvalidToken. */
final class Pages {
  record Page<T>(List<T> items, String nextToken) {}

  static final int DEFAULT_MAX = 100;
  static final int LIMIT = 1000;

  private Pages() {}

  static <T> Page<T> page(List<T> all, Integer maxResults, String nextToken, String scope) {
    int max = maxResults == null || maxResults == 0 ? DEFAULT_MAX : maxResults;
    if (max < 0 || max > LIMIT) throw AwsServiceException.client("ValidationException", "maxResults must be between 0 and " + LIMIT);
    int from = nextToken == null ? 0 : offset(nextToken, scope);
    if (from > all.size()) throw AwsServiceException.client("InvalidToken", "Invalid Token: '" + nextToken + "'");
    int to = Math.min(all.size(), from + max);
    String next = to < all.size() ? token(to, scope) : null;
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  private static String token(int offset, String scope) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((scope + "|" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, String scope) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(scope + "|")) throw new IllegalArgumentException("other scope");
      return Integer.parseInt(text.substring(scope.length() + 1));
    } catch (IllegalArgumentException e) {
      throw AwsServiceException.client("InvalidToken", "Invalid Token: '" + token + "'");
    }
  }
}
