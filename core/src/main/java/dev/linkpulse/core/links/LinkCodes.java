package dev.linkpulse.core.links;

import java.util.regex.Pattern;

/**
 * Which strings can be a link's code at all: a generated code (seven base62 characters) or an alias
 * ({@code [A-Za-z0-9_-]{3,64}}). Anything else is answered as a missing link before any store is asked: a code no
 * link can have cannot exist, and a 2 KB "code" would otherwise reach DynamoDB as a key it refuses.
 */
public final class LinkCodes {
  public static final Pattern POSSIBLE = Pattern.compile("[A-Za-z0-9_-]{3,64}");

  private LinkCodes() {}

  public static boolean possible(String code) {
    return code != null && POSSIBLE.matcher(code).matches();
  }
}
