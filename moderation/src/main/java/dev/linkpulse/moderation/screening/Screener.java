package dev.linkpulse.moderation.screening;

import dev.linkpulse.core.links.Blocklist;
import dev.linkpulse.moderation.reputation.Reputation;
import dev.linkpulse.moderation.reputation.ReputationClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Screens a target and decides: the operators' blocklist first, then the heuristics, then the reputation provider.
 * Whatever is already malicious is decided without asking the provider (it cannot make a blocked link safe); a
 * provider that gives no answer throws {@link dev.linkpulse.moderation.reputation.ReputationUnavailable} out of
 * here, for the saga to retry and then send to review.
 */
public final class Screener {
  private final Blocklist blocklist;
  private final Heuristics heuristics;
  private final ReputationClient reputation;

  public Screener(Blocklist blocklist, Heuristics heuristics, ReputationClient reputation) {
    this.blocklist = blocklist;
    this.heuristics = heuristics;
    this.reputation = reputation;
  }

  public Screening screen(String url) {
    TargetUrl target = TargetUrl.parse(url);
    Optional<String> blocked = blocklist.blockedBy(target.host());
    if (blocked.isPresent()) {
      Finding finding = new Finding("blocklist", Verdict.MALICIOUS, "the domain " + blocked.get() + " is on the blocklist");
      return new Screening(Verdict.MALICIOUS, finding.reason(), List.of(finding));
    }
    List<Finding> findings = new ArrayList<>(heuristics.findings(target));
    Optional<Finding> worst = findings.stream().max(Comparator.comparing(Finding::verdict));
    if (worst.isPresent() && worst.get().verdict() == Verdict.MALICIOUS) {
      return new Screening(Verdict.MALICIOUS, worst.get().reason(), findings);
    }
    Reputation known = reputation.check(url);
    if (known.malicious()) {
      Finding finding = new Finding("reputation", Verdict.MALICIOUS, "the reputation provider lists it as " + String.join(", ", known.threatTypes()));
      findings.add(finding);
      return new Screening(Verdict.MALICIOUS, finding.reason(), findings);
    }
    return worst.map(w -> new Screening(Verdict.SUSPICIOUS, w.reason(), findings))
        .orElseGet(() -> new Screening(Verdict.SAFE, "no findings", findings));
  }
}
