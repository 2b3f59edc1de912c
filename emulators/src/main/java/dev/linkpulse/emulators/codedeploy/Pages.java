package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * List pages of at most {@value #SIZE}. A next token names the last key returned, so a page that follows picks up
 * after it even when items were added in between.
 */
final class Pages {
  static final int SIZE = 100;

  record Page<T>(List<T> items, String nextToken) {}

  private Pages() {}

  static <T> Page<T> of(List<T> items, Function<T, String> key, String token) {
    int from = 0;
    if (token != null) {
      String last = decode(token);
      int at = items.stream().map(key).toList().indexOf(last);
      if (at < 0) throw invalid();
      from = at + 1;
    }
    int to = Math.min(items.size(), from + SIZE);
    List<T> page = items.subList(from, to);
    String next = to < items.size() ? encode(key.apply(page.get(page.size() - 1))) : null;
    return new Page<>(List.copyOf(page), next);
  }

  /** The page as a list answer: {@code field} holds the items, {@code nextToken} is there when more follow. */
  static ObjectNode json(String field, Page<String> page) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode items = out.putArray(field);
    page.items().forEach(items::add);
    if (page.nextToken() != null) out.put("nextToken", page.nextToken());
    return out;
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static AwsServiceException invalid() {
    return AwsServiceException.client("InvalidNextTokenException", "The next token was specified in an invalid format");
  }
}
