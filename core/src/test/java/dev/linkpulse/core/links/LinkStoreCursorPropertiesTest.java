package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.http.ApiException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LinkStoreCursorPropertiesTest {
  private static final String ALICE = Keys.ownerPartition("alice");

  @Property(tries = 2000)
  void arbitraryStringsEitherDecodeOrAreRejectedAsInvalidCursors(@ForAll String cursor) {
    checkDecodesOrBadRequest(cursor);
  }

  @Property(tries = 2000)
  void arbitraryBase64PayloadsEitherDecodeOrAreRejectedAsInvalidCursors(@ForAll String payload) {
    checkDecodesOrBadRequest(LinkStoreCursorTest.encodeJson(payload));
  }

  /** JSON-ish token soups, base64-encoded, so the decoder's JSON and shape checks are reached, not just base64's. */
  @Property(tries = 3000)
  void jsonLikePayloadsEitherDecodeOrAreRejectedAsInvalidCursors(@ForAll("jsonTokenSoup") String payload) {
    checkDecodesOrBadRequest(LinkStoreCursorTest.encodeJson(payload));
  }

  @Property(tries = 1000)
  void anyStringKeyRoundTrips(@ForAll("unicode") String owner, @ForAll("unicode") String pk, @ForAll("unicode") String sk,
      @ForAll("unicode") String gsi1sk) {
    String partition = Keys.ownerPartition(owner);
    Map<String, AttributeValue> key = Map.of(
        Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk),
        Keys.GSI1PK, AttributeValue.fromS(partition), Keys.GSI1SK, AttributeValue.fromS(gsi1sk));
    String cursor = DynamoLinkStore.encodeCursor(key);
    assertThat(cursor).matches("[A-Za-z0-9_-]*");
    assertThat(DynamoLinkStore.decodeCursor(cursor, partition)).isEqualTo(key);
  }

  @Property(tries = 1000)
  void aCursorIsOnlyAcceptedForItsOwnPartition(@ForAll String owner, @ForAll String other) {
    if (owner.equals(other)) return;
    Map<String, AttributeValue> key = Map.of(
        Keys.PK, AttributeValue.fromS("LINK#abc"), Keys.SK, AttributeValue.fromS("LINK"),
        Keys.GSI1PK, AttributeValue.fromS(Keys.ownerPartition(owner)), Keys.GSI1SK, AttributeValue.fromS("t#abc"));
    try {
      DynamoLinkStore.decodeCursor(DynamoLinkStore.encodeCursor(key), Keys.ownerPartition(other));
      throw new AssertionError("accepted " + owner + "'s cursor for " + other);
    } catch (ApiException e) {
      assertThat(e.code()).isEqualTo("cursor_invalid");
    }
  }

  private static void checkDecodesOrBadRequest(String cursor) {
    Map<String, AttributeValue> key;
    try {
      key = DynamoLinkStore.decodeCursor(cursor, ALICE);
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("cursor_invalid");
      return;
    }
    assertThat(key).containsOnlyKeys(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK);
    assertThat(key.get(Keys.GSI1PK).s()).isEqualTo(ALICE);
    key.values().forEach(v -> assertThat(v.s()).isNotNull());
  }

  /** Well-formed Unicode text: a lone surrogate cannot survive UTF-8 encoding, in a cursor or anywhere else. */
  @Provide
  Arbitrary<String> unicode() {
    return Arbitraries.strings().ofMaxLength(40)
        .filter(s -> s.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
  }

  @Provide
  Arbitrary<String> jsonTokenSoup() {
    List<String> tokens = List.of("{", "}", "[", "]", ":", ",", "\"PK\"", "\"SK\"", "\"GSI1PK\"", "\"GSI1SK\"",
        "\"OWNER#alice\"", "\"OWNER#bob\"", "\"x\"", "\"\"", "1", "-0.5e9", "null", "true", " ", "\"\\u0000\"", "\"",
        "\\", "{\"S\":\"x\"}", "1e99999", "[[[[[[[[", "\"extra\"");
    return Arbitraries.of(tokens).list().ofMaxSize(20).map(parts -> String.join("", parts));
  }
}
