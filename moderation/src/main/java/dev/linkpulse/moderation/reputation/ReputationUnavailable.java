package dev.linkpulse.moderation.reputation;

/**
 * The provider gave no usable answer. The saga retries this error by name ({@code ErrorEquals} in
 * moderation/statemachine.asl.json) with backoff and jitter, then sends the link to review: never to reject.
 */
public final class ReputationUnavailable extends RuntimeException {
  public ReputationUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
