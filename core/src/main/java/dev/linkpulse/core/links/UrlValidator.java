package dev.linkpulse.core.links;

import dev.linkpulse.core.http.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a target URL may be shortened, and gives its canonical ASCII form. The rules, each with its own
 * error code:
 * <ul>
 *   <li>at most {@value #MAX_LENGTH} characters, given and stored ({@code url_too_long});</li>
 *   <li>no whitespace, control, format (zero-width, bidi) or unpaired surrogate characters, which is how
 *       {@code java\tscript:} and {@code \u0000javascript:} are spelled ({@code url_invalid_character});</li>
 *   <li>well-formed once non-ASCII characters are percent-encoded ({@code url_malformed}), an absolute http or
 *       https URL ({@code url_scheme}), without credentials ({@code url_credentials}), with a host
 *       ({@code url_host}: see {@link HostName});</li>
 *   <li>not on a host that serves this shortener ({@code url_loop}: see {@link ServedHosts}).</li>
 * </ul>
 * The result is the URL as a browser would send it: the scheme lower-cased, the host canonical ({@link HostName}:
 * punycode, dotted-decimal IPv4, compressed IPv6, no trailing dot), every non-ASCII character of the path, query
 * and fragment percent-encoded as UTF-8, everything else exactly as given. Validating a result gives it back.
 *
 * <p>{@link #validate} is a pure function: it returns or throws {@link ApiException} with status 400 and one of the
 * codes above, and nothing else.
 */
public final class UrlValidator {
  public static final int MAX_LENGTH = 2048;

  private final ServedHosts served;

  /** @param ownBaseUrl the shortener's public base URL, e.g. {@code https://lnk.example} */
  public UrlValidator(String ownBaseUrl) {
    this(ServedHosts.of(List.of(ownBaseUrl)));
  }

  public UrlValidator(ServedHosts served) {
    this.served = served;
  }

  /** A validator that also refuses {@code hosts} (the hosts a request reached the API through). */
  public UrlValidator alsoRefusing(List<String> hosts) {
    return new UrlValidator(served.plus(hosts));
  }

  public String validate(String url) {
    if (url == null || url.isEmpty()) throw invalid("url_missing", "url is required");
    if (url.length() > MAX_LENGTH) throw invalid("url_too_long", "url must be at most " + MAX_LENGTH + " characters");
    checkCharacters(url);
    URI uri;
    try {
      uri = new URI(PercentCoding.encodeNonAscii(url));
    } catch (URISyntaxException e) {
      throw invalid("url_malformed", "url is not a valid URL: " + e.getReason());
    } catch (NumberFormatException e) {
      // java.net.URI reads the IPv4 tail of an IPv6 literal with Integer.parseInt and lets it throw when a part has
      // ten digits or more ([::1.2.3.4444444444]); a shorter out-of-range part is its URISyntaxException. Found by
      // the fuzzer: UrlValidatorFuzzTestInputs/validate/ipv6-embedded-ipv4-part-overflows-int.
      throw invalid("url_malformed", "url is not a valid URL: malformed IPv4 address in the IPv6 host");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw invalid("url_scheme", "url must start with http:// or https://");
    }
    String authority = uri.getRawAuthority();
    if (authority == null || !url.substring(scheme.length()).startsWith("://")) {
      throw invalid("url_malformed", "url must be absolute, like https://example.com/page");
    }
    if (uri.getRawUserInfo() != null || authority.contains("@")) {
      throw invalid("url_credentials", "url must not contain credentials (user:password@)");
    }
    int portAt = portSeparator(authority);
    HostName host = host(portAt < 0 ? authority : authority.substring(0, portAt));
    String port = portAt < 0 ? "" : authority.substring(portAt);
    if (!port.isEmpty() && !(port.length() <= 6 && port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')
        && (port.length() == 1 || Integer.parseInt(port.substring(1)) <= 65535))) {
      throw invalid("url_host", "the port must be a number from 0 to 65535");
    }
    if (served.serves(host)) throw invalid("url_loop", "url points at this shortener itself, which would redirect in a loop");
    String canonical = scheme.toLowerCase(Locale.ROOT) + "://" + host.ascii() + port + rest(uri);
    if (canonical.length() > MAX_LENGTH) {
      throw invalid("url_too_long", "url must be at most " + MAX_LENGTH + " characters once its host is punycode and the rest percent-encoded");
    }
    return canonical;
  }

  /** The display form of a canonical URL: the host in Unicode, readable UTF-8 escapes as their characters. */
  public static String display(String canonicalUrl) {
    try {
      URI uri = new URI(canonicalUrl);
      String authority = uri.getRawAuthority();
      if (uri.getScheme() == null || authority == null) return canonicalUrl;
      int portAt = portSeparator(authority);
      return uri.getScheme() + "://" + hostOf(uri).unicode() + (portAt < 0 ? "" : authority.substring(portAt))
          + PercentCoding.decodeReadable(rest(uri));
    } catch (URISyntaxException | ApiException | NumberFormatException e) {
      return canonicalUrl;
    }
  }

  /**
   * The host of a URL this validator returned, read from its authority as the validator reads it. Not
   * {@link URI#getHost()}: that is null for names WHATWG accepts but RFC 2396 does not (a top label led by a digit,
   * such as {@code 10.0x0ahttp}).
   *
   * @throws IllegalArgumentException when the URL has no authority
   */
  public static HostName hostOf(URI canonical) {
    String authority = canonical.getRawAuthority();
    if (authority == null) throw new IllegalArgumentException("the URL names no host");
    int portAt = portSeparator(authority);
    return HostName.parse(portAt < 0 ? authority : authority.substring(0, portAt));
  }

  /** An IPv6 literal as written; a name or IPv4 address percent-decoded first, as browsers do. */
  private static HostName host(String raw) {
    if (raw.startsWith("[")) return HostName.parse(raw);
    String decoded = PercentCoding.decodeStrictly(raw).orElseThrow(() -> invalid("url_host", "the host's percent-encoding is not UTF-8"));
    if (decoded.startsWith("[")) throw invalid("url_host", "an IPv6 host must not be percent-encoded");
    return HostName.parse(decoded);
  }

  private static String rest(URI uri) {
    return (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }

  /** Where {@code :port} starts in an authority, or -1; the colons inside an IPv6 literal's brackets do not count. */
  private static int portSeparator(String authority) {
    int from = authority.startsWith("[") ? Math.max(0, authority.indexOf(']')) : 0;
    return authority.indexOf(':', from);
  }

  private static void checkCharacters(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean unpaired = Character.isHighSurrogate(c) ? i + 1 >= url.length() || !Character.isLowSurrogate(url.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(url.charAt(i - 1)));
      if (c <= 0x20 || c == 0x7F || unpaired || (c >= 0x80 && !Character.isSurrogate(c) && !PercentCoding.readable(c))) {
        throw invalid("url_invalid_character", "url contains a space, control, invisible or unpaired character at position " + i
            + "; percent-encode it");
      }
    }
  }

  private static ApiException invalid(String code, String message) {
    return ApiException.badRequest(code, message);
  }
}
