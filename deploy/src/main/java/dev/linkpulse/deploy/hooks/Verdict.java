package dev.linkpulse.deploy.hooks;

/** What a check found: passed, or failed with the reason the hook logs (and the release engineer reads). */
record Verdict(boolean passed, String reason) {
  static Verdict pass(String what) {
    return new Verdict(true, what);
  }

  static Verdict fail(String why) {
    return new Verdict(false, why);
  }
}
