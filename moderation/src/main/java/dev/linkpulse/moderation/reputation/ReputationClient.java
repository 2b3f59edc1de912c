package dev.linkpulse.moderation.reputation;

/** The port to a URL reputation provider. */
public interface ReputationClient {
  /** @throws ReputationUnavailable when the provider did not give an answer (down, slow, refusing, answering nonsense) */
  Reputation check(String url);
}
