package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.http.ApiException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class UrlValidatorPropertiesTest {
  private static final Set<String> CODES = Set.of("url_missing", "url_too_long", "url_invalid_character", "url_malformed",
      "url_scheme", "url_credentials", "url_host", "url_loop");

  private final UrlValidator validator = new UrlValidator("https://lnk.example");

  @Property(tries = 2000)
  void arbitraryStringsAreEitherSafeHttpUrlsOrBadRequests(@ForAll String input) {
    checkSafeOrBadRequest(input);
  }

  @Property(tries = 300)
  void arbitraryLongStringsAreEitherSafeHttpUrlsOrBadRequests(@ForAll @StringLength(min = 2000, max = 2100) String input) {
    checkSafeOrBadRequest(input);
  }

  /** Strings glued from URL fragments and tricks reach far deeper into the validator than uniformly random text. */
  @Property(tries = 5000)
  void urlLikeTokenSoupsAreEitherSafeHttpUrlsOrBadRequests(@ForAll("urlTokenSoup") String input) {
    checkSafeOrBadRequest(input);
  }

  @Property(tries = 1000)
  void wellFormedHttpsUrlsWithAlphanumericHostsAreAcceptedUnchanged(@ForAll("wellFormedHttpsUrls") String url) {
    assertThat(validator.validate(url)).isEqualTo(url);
  }

  @Property(tries = 500)
  void upperCaseSchemesAreLowerCasedAndTheRestIsKept(@ForAll("wellFormedHttpsUrls") String url) {
    String shouting = "HTTPS" + url.substring("https".length());
    assertThat(validator.validate(shouting)).isEqualTo(url);
  }

  @Property(tries = 500)
  void urlsOnTheOwnHostAreAlwaysRejectedAsLoops(@ForAll("ownHostUrls") String url) {
    try {
      validator.validate(url);
      throw new AssertionError("accepted " + url);
    } catch (ApiException e) {
      assertThat(e.code()).isEqualTo("url_loop");
    }
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

  @Provide
  Arbitrary<String> urlTokenSoup() {
    List<String> tokens = List.of(
        "http", "https", "HTTPS", "HtTp", "javascript", "data", "file", "ftp", ":", "://", "//", "/", "\\", "@", "?", "#",
        "%", "%2e", "%41", "%zz", ".", "..", ":8443", ":", "[", "]", "::1", "user", "pass", "lnk.example", "LNK.EXAMPLE",
        "lnk.example.", "evil.com", "example.com", "a", "-", "_", "~", "=", "&", " ", "\t", "\n", "\u0000", "é", "\u2028",
        "alert(1)", "<", ">", "\"", "'", "0", "99999999999", "xn--", ";");
    return Arbitraries.of(tokens).list().ofMinSize(0).ofMaxSize(14).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> wellFormedHttpsUrls() {
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> topLabel = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(8);
    Arbitrary<String> host = Combinators.combine(label.list().ofMinSize(1).ofMaxSize(4), topLabel)
        .as((labels, top) -> String.join(".", labels) + "." + top)
        .filter(h -> !h.equals("lnk.example"));
    Arbitrary<String> segment = Arbitraries.strings().alpha().numeric().withChars('-', '.', '_', '~')
        .ofMinLength(0).ofMaxLength(15);
    Arbitrary<String> path = segment.list().ofMinSize(0).ofMaxSize(6).map(s -> String.join("/", s));
    return Combinators.combine(host, path).as((h, p) -> "https://" + h + "/" + p);
  }

  @Provide
  Arbitrary<String> ownHostUrls() {
    Arbitrary<String> scheme = Arbitraries.of("http", "https", "HTTP", "Https");
    Arbitrary<String> host = Arbitraries.of("lnk.example", "LNK.EXAMPLE", "Lnk.Example", "lnk.example.", "LNK.example.");
    Arbitrary<String> port = Arbitraries.of("", ":80", ":443", ":8443", ":");
    Arbitrary<String> path = Arbitraries.strings().alpha().numeric().withChars('/', '-', '.').ofMaxLength(20)
        .map(s -> s.isEmpty() ? s : "/" + s);
    Arbitrary<String> query = Arbitraries.strings().alpha().numeric().withChars('=', '&', '/', '?').ofMaxLength(15)
        .map(s -> "?" + s).injectNull(0.5).map(s -> s == null ? "" : s);
    Arbitrary<String> fragment = Arbitraries.strings().alpha().numeric().withChars('/', '?').ofMaxLength(10)
        .map(s -> "#" + s).injectNull(0.5).map(s -> s == null ? "" : s);
    return Combinators.combine(scheme, host, port, path, query, fragment)
        .as((s, h, p, r, q, f) -> s + "://" + h + p + r + q + f);
  }
}
