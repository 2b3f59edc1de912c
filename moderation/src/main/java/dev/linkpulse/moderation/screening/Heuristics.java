package dev.linkpulse.moderation.screening;

import java.util.List;
import java.util.Optional;

/** Every heuristic rule, run in a fixed order: private hosts, look-alikes, shortener chains, phishing paths. */
public final class Heuristics {
  private final List<ScreeningRule> rules = List.of(new PrivateHostRule(), new LookalikeRule(), new ShortenerChainRule(), new PhishingPathRule());

  public List<Finding> findings(TargetUrl target) {
    return rules.stream().map(rule -> rule.check(target)).flatMap(Optional::stream).toList();
  }
}
