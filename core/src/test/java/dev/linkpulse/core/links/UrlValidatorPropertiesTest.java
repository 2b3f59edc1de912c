package dev.linkpulse.core.links;

import static dev.linkpulse.testing.Generators.ALPHANUMERIC;
import static dev.linkpulse.testing.Generators.intsBetween;
import static dev.linkpulse.testing.Generators.listsOf;
import static dev.linkpulse.testing.Generators.strings;
import static dev.linkpulse.testing.Generators.stringsOf;
import static dev.linkpulse.testing.Generators.tokenSoups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.testing.Generators;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class UrlValidatorPropertiesTest {
  private static final Set<String> CODES = Set.of("url_missing", "url_too_long", "url_invalid_character", "url_malformed",
      "url_scheme", "url_credentials", "url_host", "url_loop");
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final Gen<String> URL_TOKEN_SOUPS = tokenSoups(List.of(
      "http", "https", "HTTPS", "HtTp", "javascript", "data", "file", "ftp", ":", "://", "//", "/", "\\", "@", "?", "#",
      "%", "%2e", "%41", "%zz", ".", "..", ":8443", ":", "[", "]", "::1", "user", "pass", "lnk.example", "LNK.EXAMPLE",
      "lnk.example.", "evil.com", "example.com", "a", "-", "_", "~", "=", "&", " ", "\t", "\n", "\u0000", "é", "\u2028",
      "alert(1)", "<", ">", "\"", "'", "0", "99999999999", "xn--", ";"), 14);

  private final UrlValidator validator = new UrlValidator("https://lnk.example");

  @Test
  void arbitraryStringsAreEitherSafeHttpUrlsOrBadRequests() {
    qt().withExamples(2500).forAll(strings()).checkAssert(this::checkSafeOrBadRequest);
  }

  @Test
  void arbitraryLongStringsAreEitherSafeHttpUrlsOrBadRequests() {
    qt().withExamples(350).forAll(strings(2000, 2100)).checkAssert(this::checkSafeOrBadRequest);
  }

  /** Strings glued from URL fragments and tricks reach far deeper into the validator than uniformly random text. */
  @Test
  void urlLikeTokenSoupsAreEitherSafeHttpUrlsOrBadRequests() {
    qt().withExamples(5450).forAll(URL_TOKEN_SOUPS).checkAssert(this::checkSafeOrBadRequest);
  }

  @Test
  void wellFormedHttpsUrlsWithAlphanumericHostsAreAcceptedUnchanged() {
    qt().withExamples(1050).forAll(wellFormedHttpsUrls()).checkAssert(url -> assertThat(validator.validate(url)).isEqualTo(url));
  }

  @Test
  void upperCaseSchemesAreLowerCasedAndTheRestIsKept() {
    qt().withExamples(550).forAll(wellFormedHttpsUrls()).checkAssert(url -> {
      String shouting = "HTTPS" + url.substring("https".length());
      assertThat(validator.validate(shouting)).isEqualTo(url);
    });
  }

  @Test
  void urlsOnTheOwnHostAreAlwaysRejectedAsLoops() {
    qt().withExamples(550).forAll(ownHostUrls()).checkAssert(url -> {
      try {
        validator.validate(url);
        throw new AssertionError("accepted " + url);
      } catch (ApiException e) {
        assertThat(e.code()).isEqualTo("url_loop");
      }
    });
  }

  private void checkSafeOrBadRequest(String input) {
    String result;
    try {
      result = validator.validate(input);
    } catch (ApiException e) {
      assertThat(e.status()).as("status for %s", input).isEqualTo(400);
      assertThat(CODES).as("code for %s", input).contains(e.code());
      return;
    }
    // Any other exception type propagates and fails the property.
    assertThat(result.startsWith("http://") || result.startsWith("https://")).as(result).isTrue();
    assertThat(result.length()).isLessThanOrEqualTo(UrlValidator.MAX_LENGTH);
    for (char c : result.toCharArray()) {
      assertThat(c > 0x20 && c < 0x7F).as("printable ASCII only in %s", result).isTrue();
    }
    URI uri = URI.create(result);
    assertThat(uri.getHost()).isNotNull().isNotEmpty();
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    assertThat(host).isNotIn("lnk.example", "lnk.example.");
    assertThat(uri.getRawUserInfo()).isNull();
    // Accepting is idempotent: the normalised URL is itself valid and already normal.
    assertThat(validator.validate(result)).isEqualTo(result);
  }

  private static Gen<String> wellFormedHttpsUrls() {
    Gen<String> label = stringsOf(LOWER + "0123456789", 1, 20);
    Gen<String> topLabel = stringsOf(LOWER, 2, 8);
    Gen<String> host = SourceDSL.lists().of(label).ofSizes(intsBetween(1, 4))
        .zip(topLabel, (labels, top) -> String.join(".", labels) + "." + top)
        .assuming(h -> !h.equals("lnk.example"));
    Gen<String> segment = stringsOf(ALPHANUMERIC + "-._~", 0, 15);
    Gen<String> path = listsOf(segment, 6).map(s -> String.join("/", s));
    return host.zip(path, (h, p) -> "https://" + h + "/" + p).describedAs(Generators::quoted);
  }

  private static Gen<String> ownHostUrls() {
    Gen<String> scheme = Generate.pick(List.of("http", "https", "HTTP", "Https"));
    Gen<String> host = Generate.pick(List.of("lnk.example", "LNK.EXAMPLE", "Lnk.Example", "lnk.example.", "LNK.example."));
    Gen<String> port = Generate.pick(List.of("", ":80", ":443", ":8443", ":"));
    Gen<String> path = stringsOf(ALPHANUMERIC + "/-.", 0, 20).map(s -> s.isEmpty() ? s : "/" + s);
    Gen<String> query = optional(stringsOf(ALPHANUMERIC + "=&/?", 0, 15).map(s -> "?" + s));
    Gen<String> fragment = optional(stringsOf(ALPHANUMERIC + "/?", 0, 10).map(s -> "#" + s));
    return scheme.zip(host, port, (s, h, p) -> s + "://" + h + p)
        .zip(path, query, fragment, (authority, r, q, f) -> authority + r + q + f).describedAs(Generators::quoted);
  }

  /** The part in half of the draws, nothing in the other half. */
  private static Gen<String> optional(Gen<String> part) {
    return Generate.oneOf(part, Generate.constant(""));
  }
}
