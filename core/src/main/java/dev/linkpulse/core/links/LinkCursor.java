package dev.linkpulse.core.links;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque cursor of "my links": base64url of the last item's four key attributes as JSON. {@link #decode} is a
 * pure function that gives back exactly a key this API could have issued to the caller, or throws
 * {@link ApiException} {@code 400 cursor_invalid} and nothing else: every value is rebuilt from its parts by
 * {@link Keys} and must come out the same, so a tampered cursor (an empty or oversized value, another item type, a
 * forged owner) never reaches DynamoDB.
 */
public final class LinkCursor {
  /** Far above any cursor this API issues (a few hundred characters), far below anything costly to decode. */
  static final int MAX_LENGTH = 4096;
  private static final List<String> ATTRIBUTES = List.of(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK);

  private LinkCursor() {}

  public static String encode(Map<String, AttributeValue> lastKey) {
    Map<String, String> plain = new LinkedHashMap<>();
    lastKey.forEach((k, v) -> plain.put(k, v.s()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
  }

  /** A cursor is only accepted for the owner partition it was issued for, so it cannot be replayed against another owner. */
  public static Map<String, AttributeValue> decode(String cursor, String ownerPartition) {
    if (cursor == null || cursor.length() > MAX_LENGTH) throw invalid();
    Map<String, String> values = new HashMap<>();
    try {
      JsonNode node = Json.strictTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      if (node == null || !node.isObject() || node.size() != ATTRIBUTES.size()) throw invalid();
      for (String name : ATTRIBUTES) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) throw invalid();
        values.put(name, value.asText());
      }
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      throw invalid();
    }
    String pk = values.get(Keys.PK);
    String code = pk.startsWith(Keys.LINK_PREFIX) ? pk.substring(Keys.LINK_PREFIX.length()) : "";
    String sort = values.get(Keys.GSI1SK);
    int separator = sort.indexOf('#');
    if (!LinkCodes.possible(code) || separator < 0 || !ownerPartition.equals(values.get(Keys.GSI1PK))) throw invalid();
    Instant createdAt;
    try {
      createdAt = Instant.parse(sort.substring(0, separator));
    } catch (DateTimeParseException e) {
      throw invalid();
    }
    if (!Keys.spellable(createdAt)) throw invalid();
    Map<String, AttributeValue> key = new HashMap<>(Keys.link(code));
    key.put(Keys.GSI1PK, AttributeValue.fromS(ownerPartition));
    key.put(Keys.GSI1SK, AttributeValue.fromS(Keys.ownerSort(createdAt, code)));
    for (String name : ATTRIBUTES) if (!key.get(name).s().equals(values.get(name))) throw invalid();
    return key;
  }

  private static ApiException invalid() {
    return ApiException.badRequest("cursor_invalid", "cursor is not one this API returned for your links");
  }
}
