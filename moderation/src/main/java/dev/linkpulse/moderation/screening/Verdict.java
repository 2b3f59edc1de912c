package dev.linkpulse.moderation.screening;

/** How bad a target looks, in rising order: the worst finding decides. */
public enum Verdict {
  SAFE, SUSPICIOUS, MALICIOUS;

  public Verdict worst(Verdict other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
