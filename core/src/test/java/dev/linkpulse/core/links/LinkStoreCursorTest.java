package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The static, package-private cursor and item helpers of {@link DynamoLinkStore}; no DynamoDB involved. */
class LinkStoreCursorTest {
  private static final String ALICE = Keys.ownerPartition("alice");
  private static final String BOB = Keys.ownerPartition("bob");

  private static Map<String, AttributeValue> lastKey(String ownerPartition, String code, String createdAt) {
    return Map.of(
        Keys.PK, AttributeValue.fromS(Keys.LINK_PREFIX + code),
        Keys.SK, AttributeValue.fromS("LINK"),
        Keys.GSI1PK, AttributeValue.fromS(ownerPartition),
        Keys.GSI1SK, AttributeValue.fromS(createdAt + "#" + code));
  }

  @Test
  void aCursorRoundTripsToTheSameKey() {
    Map<String, AttributeValue> key = lastKey(ALICE, "abc1234", "2024-01-02T03:04:05.678Z");
    assertThat(LinkCursor.decode(LinkCursor.encode(key), ALICE)).isEqualTo(key);
  }

  @Test
  void aCursorRoundTripsWithUnusualCharactersInTheValues() {
    String owner = Keys.ownerPartition("auth0|ünïcødé \"quoted\" \\ back/slash 😀");
    Map<String, AttributeValue> key = lastKey(owner, "my-alias_1", "2024-01-02T03:04:05.000Z");
    assertThat(LinkCursor.decode(LinkCursor.encode(key), owner)).isEqualTo(key);
  }

  @Test
  void aCursorIsUrlSafeBase64WithoutPadding() {
    for (int i = 0; i < 50; i++) {
      String cursor = LinkCursor.encode(lastKey(Keys.ownerPartition("owner" + "x".repeat(i)), "c" + i, "2024-01-01T00:00:00.000Z"));
      assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }
  }

  @Test
  void aCursorIsBase64OfAJsonObjectOfTheFourKeyAttributes() {
    String json = new String(Base64.getUrlDecoder().decode(LinkCursor.encode(lastKey(ALICE, "abc", "2024-01-01T00:00:00.000Z"))), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{").endsWith("}").contains("\"PK\":\"LINK#abc\"", "\"SK\":\"LINK\"",
        "\"GSI1PK\":\"OWNER#alice\"", "\"GSI1SK\":\"2024-01-01T00:00:00.000Z#abc\"");
  }

  @Test
  void aCursorIssuedForAnotherOwnerIsRejected() {
    String alicesCursor = LinkCursor.encode(lastKey(ALICE, "abc", "2024-01-01T00:00:00.000Z"));
    assertCursorInvalid(alicesCursor, BOB);
    assertCursorInvalid(alicesCursor, Keys.ownerPartition("Alice"));
    assertCursorInvalid(alicesCursor, Keys.ownerPartition("alice "));
  }

  @Test
  void aForgedCursorNamingAnotherOwnerIsRejected() {
    // Bob rewrites the owner inside his cursor to page through Alice's links: still checked against his own partition.
    String forged = encodeJson("{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"GSI1SK\":\"2024-01-01T00:00:00.000Z#abc\"}");
    assertCursorInvalid(forged, BOB);
    assertThat(LinkCursor.decode(forged, ALICE)).containsEntry(Keys.GSI1PK, AttributeValue.fromS(ALICE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "!!!", "abc$", "a b", "====", "@@@@", "eyJQSyI6", "e", "%7B%7D", "eyJ9+/", "\u0000",
      "eyJQSyI6IkxJTksjYWJjIn0\u00e9"})
  void tamperedOrNonBase64CursorsAreRejected(String cursor) {
    assertCursorInvalid(cursor, ALICE);
  }

  @Test
  void aCursorWithAFlippedCharacterIsRejectedOrStillNamesTheSameOwner() {
    String good = LinkCursor.encode(lastKey(ALICE, "abc", "2024-01-01T00:00:00.000Z"));
    for (int i = 0; i < good.length(); i++) {
      for (char replacement : new char[] {'A', 'z', '0', '-', '_', '+', '/', '='}) {
        if (good.charAt(i) == replacement) continue;
        String tampered = good.substring(0, i) + replacement + good.substring(i + 1);
        try {
          Map<String, AttributeValue> key = LinkCursor.decode(tampered, ALICE);
          // A flip may land inside a value and keep the JSON valid; it must still be Alice's partition, all strings.
          assertThat(key).containsOnlyKeys(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK);
          assertThat(key.get(Keys.GSI1PK).s()).isEqualTo(ALICE);
        } catch (ApiException e) {
          assertThat(e.code()).isEqualTo("cursor_invalid");
          assertThat(e.status()).isEqualTo(400);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[]",
      "[\"PK\",\"SK\",\"GSI1PK\",\"GSI1SK\"]",
      "\"OWNER#alice\"",
      "42",
      "null",
      "true",
      "{}",
      "{",
      "not json",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\"}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"GSI1SK\":null}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"GSI1SK\":7}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"GSI1SK\":{\"S\":\"x\"}}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"GSI1SK\":[\"x\"]}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":{\"S\":\"OWNER#alice\"},\"GSI1SK\":\"x\"}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"gsi1sk\":\"x\"}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"OTHER\":\"x\"}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"GSI1SK\":\"x\",\"extra\":\"y\"}",
      "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"OWNER#alice\",\"GSI1SK\":\"x\",\"Limit\":\"1000\"}",
  })
  void cursorsOfTheWrongJsonShapeAreRejected(String json) {
    assertCursorInvalid(encodeJson(json), ALICE);
  }

  @Test
  void cursorsWithExtraKeysAreRejectedEvenWhenTheOwnerMatches() {
    Map<String, AttributeValue> key = new HashMap<>(lastKey(ALICE, "abc", "2024-01-01T00:00:00.000Z"));
    key.put("owner", AttributeValue.fromS("alice"));
    assertCursorInvalid(LinkCursor.encode(key), ALICE);
  }

  @Test
  void theRejectionIsABadRequestThatRevealsNothing() {
    assertThatThrownBy(() -> LinkCursor.decode("!!!", ALICE))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("cursor_invalid");
          assertThat(e.getMessage()).doesNotContain("alice").doesNotContainIgnoringCase("exception");
        });
  }

  // ---- items ------------------------------------------------------------------------------------------------------

  @Test
  void aLinkRoundTripsThroughItsItem() {
    Link link = new Link("abc1234", "inc1", "https://example.com/x?y=1", "alice", 301, Instant.parse("2024-01-02T03:04:05.678Z"),
        Instant.parse("2030-01-31T12:00:00Z"), Link.Status.DISABLED);
    assertThat(DynamoLinkStore.fromItem(DynamoLinkStore.toItem(link))).isEqualTo(link);
  }

  @Test
  void aLinkWithoutExpiryRoundTripsAndItsItemHasNoExpiresAt() {
    Link link = new Link("my-alias", "inc1", "https://example.com/", "bob", 302, Instant.parse("2024-01-02T03:04:05Z"), null,
        Link.Status.ACTIVE);
    Map<String, AttributeValue> item = DynamoLinkStore.toItem(link);
    assertThat(item).doesNotContainKey("expiresAt");
    assertThat(DynamoLinkStore.fromItem(item)).isEqualTo(link);
  }

  @Test
  void aLinkItemCarriesItsTableAndOwnerIndexKeys() {
    Instant created = Instant.parse("2024-01-02T03:04:05.678Z");
    Map<String, AttributeValue> item = DynamoLinkStore.toItem(new Link("abc", "inc1", "https://e.com", "alice", 307, created, null, Link.Status.ACTIVE));
    assertThat(item).containsAllEntriesOf(Keys.link("abc"));
    assertThat(item.get(Keys.GSI1PK).s()).isEqualTo("OWNER#alice");
    assertThat(item.get(Keys.GSI1SK).s()).isEqualTo(Keys.ownerSort(created, "abc"));
    assertThat(item.get("type").s()).isEqualTo("link");
    assertThat(item.get("redirect").n()).isEqualTo("307");
    assertThat(item.get("status").s()).isEqualTo("ACTIVE");
  }

  @Test
  void aCursorBuiltFromALinkItemsKeysRoundTrips() {
    Map<String, AttributeValue> item = DynamoLinkStore.toItem(new Link("abc", "inc1", "https://e.com", "alice", 302,
        Instant.parse("2024-01-02T03:04:05Z"), null, Link.Status.ACTIVE));
    Map<String, AttributeValue> key = new HashMap<>();
    for (String name : new String[] {Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK}) key.put(name, item.get(name));
    assertThat(LinkCursor.decode(LinkCursor.encode(key), ALICE)).isEqualTo(key);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  static String encodeJson(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertCursorInvalid(String cursor, String ownerPartition) {
    assertThatThrownBy(() -> LinkCursor.decode(cursor, ownerPartition))
        .as("decodeCursor(%s)", cursor)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("cursor_invalid");
          assertThat(e.status()).isEqualTo(400);
        });
  }
}
