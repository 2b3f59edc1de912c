package dev.linkpulse.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.http.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateLinkRequestTest {

  // ---- valid bodies -----------------------------------------------------------------------------------------------

  @Test
  void parsesAFullBody() {
    CreateLinkRequest request = CreateLinkRequest.parse(
        "{\"url\":\"https://example.com/a?b=c\",\"alias\":\"my-link\",\"redirect\":301,\"expiresAt\":\"2030-01-31T12:00:00Z\"}");
    assertThat(request).isEqualTo(new CreateLinkRequest("https://example.com/a?b=c", "my-link", 301, "2030-01-31T12:00:00Z"));
    assertThat(request.expiresAtInstant()).isEqualTo(Instant.parse("2030-01-31T12:00:00Z"));
  }

  @Test
  void parsesJustAUrlLeavingTheOptionalFieldsNull() {
    assertThat(CreateLinkRequest.parse("{\"url\":\"https://example.com\"}"))
        .isEqualTo(new CreateLinkRequest("https://example.com", null, null, null));
  }

  @Test
  void treatsExplicitNullsAsAbsent() {
    assertThat(CreateLinkRequest.parse("{\"url\":null,\"alias\":null,\"redirect\":null,\"expiresAt\":null}"))
        .isEqualTo(new CreateLinkRequest(null, null, null, null));
  }

  @Test
  void leavesTheMissingUrlForTheUrlValidatorToReport() {
    assertThat(CreateLinkRequest.parse("{}")).isEqualTo(new CreateLinkRequest(null, null, null, null));
    assertThat(CreateLinkRequest.parse("{\"url\":\"\"}").url()).isEmpty();
  }

  @Test
  void acceptsFieldsInAnyOrderAndWithWhitespace() {
    assertThat(CreateLinkRequest.parse(" \n{ \"redirect\" : 308 ,\t\"url\" : \"https://e.com\" }\n "))
        .isEqualTo(new CreateLinkRequest("https://e.com", null, 308, null));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 307, 308})
  void acceptsEveryAllowedRedirectStatus(int status) {
    assertThat(CreateLinkRequest.parse("{\"url\":\"https://e.com\",\"redirect\":" + status + "}").redirect()).isEqualTo(status);
  }

  @Test
  void keepsStringValuesVerbatimIncludingEscapes() {
    CreateLinkRequest request = CreateLinkRequest.parse("{\"url\":\"https://e.com/\\u00e9?q=\\\"x\\\"\",\"alias\":\" a \"}");
    assertThat(request.url()).isEqualTo("https://e.com/é?q=\"x\"");
    assertThat(request.alias()).isEqualTo(" a ");
  }

  // ---- malformed JSON ---------------------------------------------------------------------------------------------

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "{", "}", "not json", "{\"url\":}", "{\"url\":\"https://e.com\"", "{url:\"x\"}",
      "{'url':'x'}", "{\"url\":\"x\",}", "\"unterminated", "{\"url\":\"x\" \"alias\":\"y\"}", "\u0000"})
  void rejectsMalformedJson(String body) {
    assertRejected(body, "malformed_json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"url\":\"https://e.com\"}]", "\"https://e.com\"", "42", "-1.5", "null", "true", "false"})
  void rejectsJsonThatIsNotAnObject(String body) {
    assertRejected(body, "malformed_json");
  }

  /** A strict parser must not quietly ignore a second object, which is where a client bug would put "redirect". */
  @Test
  void rejectsTrailingContentAfterTheObject() {
    assertRejected("{\"url\":\"https://e.com\"} {\"redirect\":301}", "malformed_json");
    assertRejected("{\"url\":\"https://e.com\"}garbage", "malformed_json");
    assertRejected("{\"url\":\"https://e.com\"}]", "malformed_json");
  }

  @Test
  void rejectsJsonNestedTooDeeplyAsMalformed() {
    assertRejected("[".repeat(5000), "malformed_json");
    assertRejected("{\"url\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "malformed_json");
  }

  @Test
  void rejectsAHugeNumberForAStringFieldAsAWrongTypeNotAsMalformed() {
    assertRejected("{\"url\":1e99999999999}", "field_type");
  }

  // ---- unknown fields ---------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"url\":\"https://e.com\",\"redirct\":301}",
      "{\"URL\":\"https://e.com\"}",
      "{\"url\":\"https://e.com\",\"owner\":\"someone-else\"}",
      "{\"url\":\"https://e.com\",\"expires_at\":\"2030-01-01T00:00:00Z\"}",
      "{\"\":1}",
      "{\"url \":\"https://e.com\"}",
  })
  void rejectsUnknownFields(String body) {
    assertRejected(body, "unknown_field");
  }

  @Test
  void namesTheUnknownFieldInTheMessage() {
    assertThatThrownBy(() -> CreateLinkRequest.parse("{\"url\":\"https://e.com\",\"redirct\":301}"))
        .isInstanceOf(ApiException.class).hasMessageContaining("'redirct'");
  }

  // ---- wrong types ------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"url\":42}",
      "{\"url\":true}",
      "{\"url\":[\"https://e.com\"]}",
      "{\"url\":{\"href\":\"https://e.com\"}}",
      "{\"url\":\"https://e.com\",\"alias\":123}",
      "{\"url\":\"https://e.com\",\"alias\":[]}",
      "{\"url\":\"https://e.com\",\"expiresAt\":1893456000}",
      "{\"url\":\"https://e.com\",\"expiresAt\":{}}",
  })
  void rejectsNonStringValuesForStringFields(String body) {
    assertRejected(body, "field_type");
  }

  @Test
  void rejectsTheUrlAsANumberNamingTheField() {
    assertThatThrownBy(() -> CreateLinkRequest.parse("{\"url\":42}"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("field_type");
          assertThat(e.getMessage()).isEqualTo("url must be a string");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"301\"", "\"permanent\"", "303", "300", "304", "200", "0", "-301", "301.0", "301.5", "3.01e2",
      "true", "[301]", "{\"code\":301}", "4294967597", "9223372036854775807", "1e400"})
  void rejectsRedirectValuesOtherThanTheFourAllowedIntegers(String value) {
    assertRejected("{\"url\":\"https://e.com\",\"redirect\":" + value + "}", "redirect_invalid");
  }

  @Test
  void rejectsARedirectGivenAsAStringAndA303() {
    assertRejected("{\"url\":\"https://e.com\",\"redirect\":\"301\"}", "redirect_invalid");
    assertRejected("{\"url\":\"https://e.com\",\"redirect\":303}", "redirect_invalid");
  }

  // ---- expiresAt --------------------------------------------------------------------------------------------------

  @Test
  void expiresAtIsParsedAsAnIsoInstantOnlyWhenAsked() {
    assertThat(CreateLinkRequest.parse("{\"url\":\"https://e.com\"}").expiresAtInstant()).isNull();
    assertThat(CreateLinkRequest.parse("{\"expiresAt\":\"2030-01-31T12:00:00.123Z\"}").expiresAtInstant())
        .isEqualTo(Instant.parse("2030-01-31T12:00:00.123Z"));
    assertThat(new CreateLinkRequest(null, null, null, "2030-01-31T12:00:00+01:00").expiresAtInstant())
        .isEqualTo(Instant.parse("2030-01-31T11:00:00Z"));
    // Parsing the body does not judge the timestamp; asking for the instant does.
    CreateLinkRequest bad = CreateLinkRequest.parse("{\"expiresAt\":\"tomorrow\"}");
    assertThat(bad.expiresAt()).isEqualTo("tomorrow");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tomorrow", "", "2030-01-31", "2030-01-31T12:00:00", "2030-01-31 12:00:00Z", "1893456000",
      "2030-13-01T00:00:00Z", "2030-01-31T25:00:00Z"})
  void rejectsExpiresAtThatIsNotAnIsoInstant(String value) {
    CreateLinkRequest request = new CreateLinkRequest("https://e.com", null, null, value);
    assertThatThrownBy(request::expiresAtInstant)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("expires_invalid");
          assertThat(e.status()).isEqualTo(400);
        });
  }

  @Test
  void onlyTheFourDocumentedRedirectStatusesAreAllowed() {
    assertThat(CreateLinkRequest.REDIRECTS).containsExactlyInAnyOrder(301, 302, 307, 308);
  }

  static void assertRejected(String body, String code) {
    assertThatThrownBy(() -> CreateLinkRequest.parse(body))
        .as("parse(%s)", body)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.status()).isEqualTo(400);
        });
  }
}
