package dev.linkpulse.core.links;

import dev.linkpulse.core.http.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides whether a target URL may be shortened. The rules, each with its own error code:
 * <ul>
 *   <li>at most {@value #MAX_LENGTH} characters, printable ASCII only (no whitespace or control characters, which is
 *       how {@code java\tscript:} and {@code \u0000javascript:} are spelled);</li>
 *   <li>an absolute http or https URL with a host (so no {@code javascript:}, {@code data:}, {@code file:}, nor
 *       {@code https:\\host} or {@code https:/host} tricks);</li>
 *   <li>no credentials ({@code user:pass@host});</li>
 *   <li>not on the shortener's own host, which would make a redirect loop.</li>
 * </ul>
 * The accepted URL is returned with its scheme lower-cased and everything else exactly as given.
 */
public final class UrlValidator {
  public static final int MAX_LENGTH = 2048;

  private final String ownHost;

  /** @param ownBaseUrl the shortener's public base URL, e.g. {@code https://lnk.example} */
  public UrlValidator(String ownBaseUrl) {
    this.ownHost = normaliseHost(URI.create(ownBaseUrl).getHost());
  }

  public String validate(String url) {
    if (url == null || url.isEmpty()) throw invalid("url_missing", "url is required");
    if (url.length() > MAX_LENGTH) throw invalid("url_too_long", "url must be at most " + MAX_LENGTH + " characters");
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw invalid("url_invalid_character",
            "url contains a space, control or non-ASCII character at position " + i + "; percent-encode it (and use punycode for international domain names)");
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid("url_malformed", "url is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw invalid("url_scheme", "url must start with http:// or https://");
    }
    if (uri.getRawAuthority() == null || !url.substring(scheme.length()).startsWith("://")) {
      throw invalid("url_malformed", "url must be absolute, like https://example.com/page");
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
      throw invalid("url_credentials", "url must not contain credentials (user:password@)");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) throw invalid("url_host", "url must name a host");
    if (normaliseHost(host).equals(ownHost)) {
      throw invalid("url_loop", "url points at this shortener itself, which would redirect in a loop");
    }
    return scheme.toLowerCase(Locale.ROOT) + url.substring(scheme.length());
  }

  private static String normaliseHost(String host) {
    if (host == null) return "";
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  private static ApiException invalid(String code, String message) {
    return ApiException.badRequest(code, message);
  }
}
