package dev.linkpulse.core.links;

import static dev.linkpulse.testing.Generators.longsBetween;
import static dev.linkpulse.testing.Generators.strings;
import static dev.linkpulse.testing.Generators.stringsOf;
import static dev.linkpulse.testing.Generators.tokenSoups;
import static dev.linkpulse.testing.Generators.wellFormedStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LinkStoreCursorPropertiesTest {
  private static final String ALICE = Keys.ownerPartition("alice");
  /** Well-formed Unicode text: a lone surrogate cannot survive UTF-8 encoding, in a cursor or anywhere else. */
  private static final Gen<String> UNICODE = wellFormedStrings(40);
  private static final Gen<String> CODES = stringsOf(dev.linkpulse.testing.Generators.ALPHANUMERIC + "-_", 3, 64);
  private static final Gen<String> JSON_TOKEN_SOUPS = tokenSoups(List.of("{", "}", "[", "]", ":", ",", "\"PK\"", "\"SK\"",
      "\"GSI1PK\"", "\"GSI1SK\"", "\"OWNER#alice\"", "\"OWNER#bob\"", "\"x\"", "\"\"", "1", "-0.5e9", "null", "true", " ",
      "\"\\u0000\"", "\"", "\\", "{\"S\":\"x\"}", "1e99999", "[[[[[[[[", "\"extra\""), 20);

  @Test
  void arbitraryStringsEitherDecodeOrAreRejectedAsInvalidCursors() {
    qt().withExamples(2500).forAll(strings()).checkAssert(LinkStoreCursorPropertiesTest::checkDecodesOrBadRequest);
  }

  @Test
  void arbitraryBase64PayloadsEitherDecodeOrAreRejectedAsInvalidCursors() {
    qt().withExamples(2500).forAll(strings())
        .checkAssert(payload -> checkDecodesOrBadRequest(LinkStoreCursorTest.encodeJson(payload)));
  }

  /** JSON-ish token soups, base64-encoded, so the decoder's JSON and shape checks are reached, not just base64's. */
  @Test
  void jsonLikePayloadsEitherDecodeOrAreRejectedAsInvalidCursors() {
    qt().withExamples(3200).forAll(JSON_TOKEN_SOUPS)
        .checkAssert(payload -> checkDecodesOrBadRequest(LinkStoreCursorTest.encodeJson(payload)));
  }

  /** Every key this API issues round-trips, whatever the owner (any well-formed text) and the code and time. */
  @Test
  void everyIssuedKeyRoundTrips() {
    qt().withExamples(1050).forAll(UNICODE, CODES, longsBetween(0, Keys.LATEST.toEpochMilli() - 1)).checkAssert((owner, code, millis) -> {
      String partition = Keys.ownerPartition(owner);
      Map<String, AttributeValue> key = new java.util.HashMap<>(Keys.link(code));
      key.put(Keys.GSI1PK, AttributeValue.fromS(partition));
      key.put(Keys.GSI1SK, AttributeValue.fromS(Keys.ownerSort(java.time.Instant.ofEpochMilli(millis), code)));
      String cursor = LinkCursor.encode(key);
      assertThat(cursor).matches("[A-Za-z0-9_-]*");
      assertThat(LinkCursor.decode(cursor, partition)).isEqualTo(key);
    });
  }

  @Test
  void aCursorIsOnlyAcceptedForItsOwnPartition() {
    qt().withExamples(1050).forAll(strings(), strings()).checkAssert((owner, other) -> {
      if (owner.equals(other)) return;
      Map<String, AttributeValue> key = Map.of(
          Keys.PK, AttributeValue.fromS("LINK#abc"), Keys.SK, AttributeValue.fromS("LINK"),
          Keys.GSI1PK, AttributeValue.fromS(Keys.ownerPartition(owner)), Keys.GSI1SK, AttributeValue.fromS("2026-01-01T00:00:00.000Z#abc"));
      try {
        LinkCursor.decode(LinkCursor.encode(key), Keys.ownerPartition(other));
        throw new AssertionError("accepted " + owner + "'s cursor for " + other);
      } catch (ApiException e) {
        assertThat(e.code()).isEqualTo("cursor_invalid");
      }
    });
  }

  private static void checkDecodesOrBadRequest(String cursor) {
    Map<String, AttributeValue> key;
    try {
      key = LinkCursor.decode(cursor, ALICE);
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("cursor_invalid");
      return;
    }
    assertThat(key).containsOnlyKeys(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK);
    assertThat(key.get(Keys.GSI1PK).s()).isEqualTo(ALICE);
    key.values().forEach(v -> assertThat(v.s()).isNotNull());
  }
}
