package dev.linkpulse.core.links;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One life of a short code, from the link's creation to its deletion: the code and the incarnation id its link was
 * created with. A code that is deleted and created again starts a new life, and every piece of analytics (raw clicks,
 * counters, subscriptions) is keyed by the life, so nothing of an earlier life is ever read for a later one. Links
 * created before incarnations existed have the empty incarnation: their keys are the ones they always had.
 */
public record LinkLife(String code, String incarnation) {
  /** Incarnation ids: base62, like codes; never a {@code #}, which separates the parts of a key. */
  public static final Pattern INCARNATION = Pattern.compile("[0-9A-Za-z]{1,16}");

  public LinkLife {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(incarnation, "incarnation");
    if (code.isEmpty() || code.indexOf('#') >= 0) throw new IllegalArgumentException("not a code: " + code);
    if (!incarnation.isEmpty() && !INCARNATION.matcher(incarnation).matches()) {
      throw new IllegalArgumentException("not an incarnation id: " + incarnation);
    }
  }

  /** The life of a link created before incarnations existed. */
  public static LinkLife legacy(String code) {
    return new LinkLife(code, "");
  }
}
