package dev.linkpulse.moderation.reputation;

import java.util.List;

/** What the reputation provider knows of a URL: the threat types it lists it under (none: not known to be bad). */
public record Reputation(List<String> threatTypes) {
  public Reputation {
    threatTypes = List.copyOf(threatTypes);
  }

  public boolean malicious() {
    return !threatTypes.isEmpty();
  }
}
