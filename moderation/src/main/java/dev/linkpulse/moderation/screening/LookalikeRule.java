package dev.linkpulse.moderation.screening;

import java.net.IDN;
import java.util.Optional;

/**
 * Punycode look-alikes of well-known brands: a label in {@code xn--} form whose Unicode letters read, once
 * look-alikes are mapped to Latin ({@link Confusables}), as a brand's name or a word of one ({@code xn--pypal-4ve}
 * is {@code pаypal} with a Cyrillic а). Such a label is never the brand itself, so it is malicious. A label that mixes
 * Latin letters with Cyrillic or Greek look-alikes but names no brand is only suspicious; accented Latin
 * ({@code bücher}) and labels wholly in another script are neither.
 */
final class LookalikeRule implements ScreeningRule {
  static final String NAME = "lookalike";

  @Override
  public Optional<Finding> check(TargetUrl target) {
    Optional<Finding> mixed = Optional.empty();
    for (String label : target.labels()) {
      if (!label.startsWith("xn--")) continue;
      String unicode;
      try {
        unicode = IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        continue;
      }
      String skeleton = Confusables.skeleton(unicode);
      Optional<String> brand = Brands.mentionedIn(skeleton);
      if (brand.isPresent()) {
        return Optional.of(new Finding(NAME, Verdict.MALICIOUS, "the host imitates " + brand.get() + " with look-alike letters"));
      }
      if (Confusables.mixesScripts(unicode)) {
        mixed = Optional.of(new Finding(NAME, Verdict.SUSPICIOUS, "the host mixes Latin letters with look-alikes from another script"));
      }
    }
    return mixed;
  }
}
