package dev.linkpulse.moderation.screening;

import java.util.List;

/**
 * The decision about a target: {@code SAFE} activates, {@code MALICIOUS} rejects, {@code SUSPICIOUS} goes to a
 * person. {@code reason} is the one line the owner sees; {@code findings} everything the rules found.
 */
public record Screening(Verdict verdict, String reason, List<Finding> findings) {
  public Screening {
    findings = List.copyOf(findings);
  }
}
