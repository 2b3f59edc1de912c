package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.linkpulse.core.http.ApiException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a URL to shorten must be, but for its host ({@link UrlValidatorHostTest}): scheme, characters, length, shape, no credentials. */
class UrlValidatorTest {
  private final UrlValidator validator = new UrlValidator("https://lnk.example");

  // ---- accepted ---------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example.com",
      "http://example.com",
      "https://example.com/",
      "https://example.com/a/b/c.html",
      "https://example.com/search?q=linkpulse&lang=en",
      "https://example.com/page#section-2",
      "https://example.com/p?q=1#frag",
      "https://example.com:8443/admin",
      "http://example.com:80/",
      "https://example.com/a%20b/%E2%82%AC?x=%2F%3F#%23",
      "https://sub.domain.example.co.uk/path",
      "https://123.example.com/",
      "https://xn--exmple-cua.com/",
      "https://1.2.3.4/",
      "https://[::1]:8080/",
      "https://example.com/?",
      "https://example.com/#",
      "https://example.com/~user/file-name_1.txt",
      "https://example.com/path;matrix=1?a=b&c=d",
      "https://www.lnk.example/",
      "https://lnk.example.evil.com/",
      "https://evil.com/https://lnk.example/",
      "https://evil.com/?next=https://lnk.example/x",
      "https://evil.com/#@lnk.example",
  })
  void acceptsOrdinaryHttpAndHttpsUrlsUnchanged(String url) {
    assertThat(validator.validate(url)).isEqualTo(url);
  }

  @ParameterizedTest
  @MethodSource("upperCaseSchemes")
  void lowerCasesTheSchemeAndKeepsEverythingElseAsGiven(String given, String expected) {
    assertThat(validator.validate(given)).isEqualTo(expected);
  }

  static Stream<Arguments> upperCaseSchemes() {
    return Stream.of(
        arguments("HTTPS://example.com/Path/To?Query=Yes#Frag", "https://example.com/Path/To?Query=Yes#Frag"),
        arguments("HTTP://example.com", "http://example.com"),
        arguments("HtTpS://example.com/A", "https://example.com/A"),
        arguments("hTTp://example.com:8080/%7Euser", "http://example.com:8080/%7Euser"));
  }

  @Test
  void acceptsAUrlOfExactlyTheMaximumLength() {
    String prefix = "https://example.com/";
    String url = prefix + "a".repeat(UrlValidator.MAX_LENGTH - prefix.length());
    assertThat(url).hasSize(2048);
    assertThat(validator.validate(url)).isEqualTo(url);
  }

  @Test
  void rejectsAUrlOneCharacterOverTheMaximumLength() {
    String prefix = "https://example.com/";
    String url = prefix + "a".repeat(UrlValidator.MAX_LENGTH + 1 - prefix.length());
    assertThat(url).hasSize(2049);
    assertRejected(url, "url_too_long");
  }

  @Test
  void rejectsAHugeUrlAsTooLongBeforeLookingAtItsCharacters() {
    assertRejected("https://example.com/" + "\u0000é ".repeat(100_000), "url_too_long");
  }

  // ---- rejected ---------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @NullAndEmptySource
  void rejectsAMissingOrEmptyUrl(String url) {
    assertRejected(url, "url_missing");
  }

  @ParameterizedTest
  @MethodSource("dangerousSchemes")
  void rejectsNonHttpSchemes(String url, String code) {
    assertRejected(url, code);
  }

  static Stream<Arguments> dangerousSchemes() {
    return Stream.of(
        arguments("javascript:alert(1)", "url_scheme"),
        arguments("javascript:alert(document.cookie)//https://example.com", "url_scheme"),
        arguments("vbscript:msgbox(1)", "url_scheme"),
        arguments("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "url_scheme"),
        arguments("data:text/html,hello", "url_scheme"),
        arguments("file:///etc/passwd", "url_scheme"),
        arguments("file://localhost/etc/passwd", "url_scheme"),
        arguments("ftp://example.com/file.txt", "url_scheme"),
        arguments("mailto:someone@example.com", "url_scheme"),
        arguments("httpx://example.com/", "url_scheme"),
        arguments("ws://example.com/", "url_scheme"),
        // no scheme at all
        arguments("//evil.com", "url_scheme"),
        arguments("//evil.com/path", "url_scheme"),
        arguments("example.com/path", "url_scheme"),
        arguments("/relative/path", "url_scheme"),
        // these are not even parseable URIs, so they fail before the scheme check: rejected all the same
        arguments("javascript:", "url_malformed"),
        arguments("data:text/html,<script>alert(1)</script>", "url_malformed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "JaVaScRiPt:alert(1)", "jAvAsCrIpT:alert(1)"})
  void rejectsJavascriptSchemeInAnyCase(String url) {
    assertRejected(url, "url_scheme");
  }

  @ParameterizedTest
  @MethodSource("obfuscations")
  void rejectsWhitespaceAndControlCharacterObfuscations(String url) {
    assertRejected(url, "url_invalid_character");
  }

  static Stream<String> obfuscations() {
    return Stream.of(
        " https://example.com",
        "\thttps://example.com",
        "\nhttps://example.com",
        "\rhttps://example.com",
        "\u0000https://example.com",
        "\u0000javascript:alert(1)",
        " javascript:alert(1)",
        "\tjavascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "java\u0000script:alert(1)",
        "https://example.com ",
        "https://example.com/a b",
        "https://exa\tmple.com/",
        "https://example.com/\u007f",
        "https://example.com/\u001b[31m",
        "   ");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https:\\\\evil.com",
      "https:\\\\evil.com/path",
      "https:/\\evil.com",
      "https:/evil.com",
      "https:evil.com",
      "http:evil.com/path",
      "https:",
      "https://",
      "https:///path",
      "https://example.com/%zz",
      "https://example.com/<script>",
      "https://example.com/{x}",
      "https://example.com/a|b",
      "https://example.com/\"",
  })
  void rejectsUrlsThatAreNotAbsoluteWellFormedHttpUrls(String url) {
    assertRejected(url, "url_malformed");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://user:pass@host/",
      "https://user@host",
      "https://user:pass@example.com/path",
      "https://:@example.com/",
      "https://@example.com/",
      "https://example.com@evil.com/",
      "https://lnk.example@evil.com/",
      "http://user%40x:p%3Aw@example.com/",
  })
  void rejectsCredentialsInTheUrl(String url) {
    assertRejected(url, "url_credentials");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example.com/\u00a0",
      "https://example.com/\u2028",
      "https://example.com/\u200b",
      "https://example.com/\ufeff",
      "https://example.com/\u202e",
      "https://exa\u200dmple.com/",
      "https://example.com/\ud800",
      "https://example.com/\udfff",
      "https://example.com/\u0085",
  })
  void rejectsInvisibleSpacingFormattingAndUnpairedCharacters(String url) {
    assertRejected(url, "url_invalid_character");
  }

  @Test
  void reportsThePositionOfTheFirstInvalidCharacter() {
    assertThatThrownBy(() -> validator.validate("https://ex ample.com/"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("position 10");
  }

  @Test
  void everyRejectionIsABadRequest() {
    String[] urls = {null, "", "x".repeat(3000), " x", "javascript:alert(1)", "https:evil.com", "https://u@h/",
        "https://lnk.example/", "https://exa_mple.com/"};
    for (String url : urls) {
      assertThatThrownBy(() -> validator.validate(url))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isNotBlank();
          });
    }
  }

  private void assertRejected(String url, String code) {
    UrlRejections.assertRejected(validator, url, code);
  }
}
