package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The host of a URL to shorten: stored in its canonical ASCII form, refused when it is the shortener's own (a
 * redirect loop), ambiguous or unusable. Spellings of the own host: {@link RedirectLoopHostSpellingsAreRefusedTest}.
 */
class UrlValidatorHostTest {
  private final UrlValidator validator = new UrlValidator("https://lnk.example");

  @ParameterizedTest
  @ValueSource(strings = {
      "https://lnk.example",
      "https://lnk.example/",
      "https://lnk.example/x",
      "http://lnk.example/x",
      "https://LNK.EXAMPLE./x",
      "https://Lnk.Example/abc?x=1#y",
      "https://lnk.example./",
      "http://lnk.example:8443/",
      "https://lnk.example:443/abc",
      "https://lnk.example:/",
      "HTTPS://LNK.EXAMPLE/x",
      "https://lnk.example%2e/",
  })
  void rejectsUrlsOnTheShortenersOwnHost(String url) {
    assertRejected(url, "url_loop");
  }

  @Test
  void comparesTheOwnHostTakenFromTheConfiguredBaseUrl() {
    UrlValidator other = new UrlValidator("https://Short.Test/");
    UrlRejections.assertRejected(other, "https://short.test/abc", "url_loop");
    UrlRejections.assertRejected(other, "http://SHORT.TEST.:8080/", "url_loop");
    assertThat(other.validate("https://lnk.example/x")).isEqualTo("https://lnk.example/x");
  }

  @ParameterizedTest
  @MethodSource("internationalised")
  void acceptsInternationalisedUrlsInTheirCanonicalAsciiForm(String given, String stored) {
    assertThat(validator.validate(given)).isEqualTo(stored);
    assertThat(validator.validate(stored)).as("the stored form is itself valid and canonical").isEqualTo(stored);
    assertThat(UrlValidator.display(stored)).isEqualTo(given.replace("EXÄMPLE", "exämple"));
  }

  static Stream<Arguments> internationalised() {
    return Stream.of(
        arguments("https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"),
        arguments("https://exämple.com/", "https://xn--exmple-cua.com/"),
        arguments("https://EXÄMPLE.com/", "https://xn--exmple-cua.com/"),
        arguments("https://example.com/ä", "https://example.com/%C3%A4"),
        arguments("https://example.com/?q=€", "https://example.com/?q=%E2%82%AC"),
        arguments("https://例え.jp/", "https://xn--r8jz45g.jp/"),
        arguments("https://ехаmple.com/", "https://xn--mple-43d3a6i.com/"), // Cyrillic look-alikes: the moderation saga's concern
        arguments("https://example.com/😀#é", "https://example.com/%F0%9F%98%80#%C3%A9"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://straße.example/", "https://ς.example/", "https://exa%C3mple.com/", "https://%5B::1%5D/"})
  void rejectsHostsWhoseSpellingIsAmbiguousOrUndecodable(String url) {
    assertRejected(url, "url_host");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://exa_mple.com/",
      "https://:80/",
      "https://-example.com/",
      "https://example.com:abc/",
      "http://example.com:99999999999/",
      "https://lnk.example../",
  })
  void rejectsUrlsWithoutAUsableHost(String url) {
    assertRejected(url, "url_host");
  }

  /**
   * The fuzzer's first finding (UrlValidatorFuzzTestInputs/validate/digit-led-top-label): a last label that starts
   * with a digit but is no number form ({@code 1X8080}) makes the host a name, as WHATWG's "ends in a number" rule
   * says, not a mangled IPv4 address; java.net.URI has no host for it (RFC 2396), which the property wrongly required.
   */
  @Test
  void aTopLabelLedByADigitButNotANumberIsAName() {
    assertThat(validator.validate("http://0x7f.1X8080/loop")).isEqualTo("http://0x7f.1x8080/loop");
    assertThat(new UrlValidator("http://127.0.0.1:8080").validate("http://0x7f.1X8080/loop")).isEqualTo("http://0x7f.1x8080/loop");
  }

  /**
   * RFC 4291 section 2.2: the IPv4 tail of an IPv6 literal is four decimal parts of at most 255. A part too long for
   * an int made java.net.URI throw NumberFormatException, a 500 on create (fuzzer finding
   * UrlValidatorFuzzTestInputs/validate/ipv6-embedded-ipv4-part-overflows-int); every such tail is a 400.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "https://[::27.0.0.1777777777777777777]/",
      "https://[f:1fff::333333333333333333333333333333333327.0.0.1]/x?q=/xz#f",
      "https://[fe2:33333333333.0.1]/x",
      "https://[::1.2.3.4444444444]/",
      "https://[::1.2.3.400]/",
      "https://[::ffff:2147483648.0.0.1]/",
  })
  void anIpv6HostWhoseIpv4TailHasAnOutOfRangePartIsMalformed(String url) {
    assertRejected(url, "url_malformed");
  }

  private void assertRejected(String url, String code) {
    UrlRejections.assertRejected(validator, url, code);
  }
}
