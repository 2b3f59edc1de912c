package dev.linkpulse.moderation.screening;

import dev.linkpulse.core.links.HostName;
import dev.linkpulse.core.links.UrlValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A link's target as the rules read it: its host (canonical, see {@link HostName}) and its path and query in lower
 * case with escapes decoded, so {@code /LOG%49N} reads as {@code /login}.
 */
public record TargetUrl(String url, HostName host, String pathAndQuery) {
  /** @throws IllegalArgumentException for anything the create call would not have stored */
  public static TargetUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getReason());
    }
    HostName host = UrlValidator.hostOf(uri);
    String path = uri.getPath() == null ? "" : uri.getPath();
    String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
    return new TargetUrl(url, host, (path + query).toLowerCase(Locale.ROOT));
  }

  /** The host's labels, left to right; an address is one label. */
  public String[] labels() {
    return host.kind() == HostName.Kind.DOMAIN ? host.ascii().split("\\.") : new String[] {host.ascii()};
  }
}
