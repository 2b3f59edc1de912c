package dev.linkpulse.moderation.screening;

import java.net.IDN;
import java.util.Optional;

/**
 * Punycode look-alikes of well-known brands: a label in {@code xn--} form whose Unicode letters read, once
 * look-alikes are mapped to Latin ({@link Confusables}), as a brand's name or a word of one ({@code xn--pypal-4ve}
 * is {@code pаypal} with a Cyrillic а). Such a label is never the brand itself, so it is malicious. A punycode label
 * that reads as plain ASCII but names no brand is only suspicious.
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
      if (skeleton.chars().allMatch(c -> c < 128)) {
        mixed = Optional.of(new Finding(NAME, Verdict.SUSPICIOUS, "the host spells a Latin name with look-alike letters"));
      }
    }
    return mixed;
  }
}
