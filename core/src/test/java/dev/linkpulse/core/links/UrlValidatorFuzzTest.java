package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.testing.FuzzInput;
import java.net.URI;
import java.util.Set;

/**
 * Coverage-guided fuzzing of URL validation and canonicalisation (README: "Fuzzing"). A normal build runs the seeds
 * and every past finding in {@code UrlValidatorFuzzTestInputs/}; {@code ./linkpulse fuzz} runs a long budget.
 */
class UrlValidatorFuzzTest {
  private static final Set<String> CODES = Set.of("url_missing", "url_too_long", "url_invalid_character", "url_malformed",
      "url_scheme", "url_credentials", "url_host", "url_loop");

  private final UrlValidator validator = new UrlValidator("https://lnk.example");
  private final UrlValidator loopback = new UrlValidator("http://127.0.0.1:8080");

  /** A URL is refused with a documented 400, or accepted as printable ASCII http(s) that validates to itself. */
  @FuzzTest
  void validate(byte[] input) {
    String url = FuzzInput.text(input);
    for (UrlValidator v : new UrlValidator[] {validator, loopback}) {
      String canonical;
      try {
        canonical = v.validate(url);
      } catch (ApiException refused) {
        assertThat(refused.status()).isEqualTo(400);
        assertThat(CODES).contains(refused.code());
        continue;
      }
      assertThat(canonical).startsWith("http").hasSizeLessThanOrEqualTo(UrlValidator.MAX_LENGTH);
      assertThat(canonical.chars().allMatch(c -> c > 0x20 && c < 0x7F)).as(canonical).isTrue();
      // Not URI.getHost(): RFC 2396 wants a top label led by a letter, so it has no host for http://0x7f.1x8080/,
      // which browsers (WHATWG) and DNS take as a name (input digit-led-top-label, the first finding).
      assertThat(URI.create(canonical).getRawAuthority()).isNotEmpty();
      assertThat(v.validate(canonical)).isEqualTo(canonical);
      assertThat(UrlValidator.display(canonical)).isNotEmpty();
    }
  }

  /** The host parser alone: a host or {@code 400 url_host}, and two parses of the canonical form agree. */
  @FuzzTest
  void hostName(byte[] input) {
    HostName host;
    try {
      host = HostName.parse(FuzzInput.text(input));
    } catch (ApiException refused) {
      assertThat(refused.code()).isEqualTo("url_host");
      return;
    }
    assertThat(HostName.parse(host.ascii())).isEqualTo(host);
    assertThat(host.unicode()).isNotEmpty();
  }
}
