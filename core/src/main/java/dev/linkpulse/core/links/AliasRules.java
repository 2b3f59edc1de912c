package dev.linkpulse.core.links;

import dev.linkpulse.core.http.ApiException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which custom aliases a user may choose: {@code [A-Za-z0-9_-]{3,64}}, and none of the words the service routes itself. */
public final class AliasRules {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{3,64}");
  /** Compared case-insensitively: {@code /Links} must not shadow {@code /links} on a case-folding proxy or in a reader's eye. */
  static final Set<String> RESERVED = Set.of(
      "links", "api", "ws", "dashboard", "health", "admin", "static", "assets", "login", "logout", "auth",
      "signin", "signup", "settings", "stats", "www", "app", "help", "docs", "status", "jwks", "local-issuer",
      "well-known", "favicon", "robots", "sitemap");

  private AliasRules() {}

  public static String validate(String alias) {
    if (!SHAPE.matcher(alias).matches()) {
      throw ApiException.badRequest("alias_invalid", "alias must be 3 to 64 characters of A-Z, a-z, 0-9, _ or -");
    }
    if (RESERVED.contains(alias.toLowerCase(Locale.ROOT))) {
      throw ApiException.badRequest("alias_reserved", "alias '" + alias + "' is reserved");
    }
    return alias;
  }
}
