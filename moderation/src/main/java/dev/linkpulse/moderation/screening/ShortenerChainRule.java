package dev.linkpulse.moderation.screening;

import java.util.Optional;
import java.util.Set;

/**
 * A target on another shortener hides where the chain ends, which is why abusers chain them: suspicious, for a
 * person to follow the chain.
 */
final class ShortenerChainRule implements ScreeningRule {
  static final String NAME = "shortener-chain";
  static final Set<String> SHORTENERS = Set.of("bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd",
      "buff.ly", "cutt.ly", "rebrand.ly", "tiny.cc", "shorturl.at", "rb.gy", "t.ly", "v.gd", "bl.ink", "short.io",
      "lnkd.in", "tr.im", "s.id", "shorte.st", "adf.ly", "qrco.de");

  @Override
  public Optional<Finding> check(TargetUrl target) {
    String host = target.host().ascii();
    for (String shortener : SHORTENERS) {
      if (host.equals(shortener) || host.endsWith("." + shortener)) {
        return Optional.of(new Finding(NAME, Verdict.SUSPICIOUS, "the target is another link shortener (" + shortener + ")"));
      }
    }
    return Optional.empty();
  }
}
