package dev.linkpulse.pipeline.live;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection's subscription to a link: who subscribed, to which life of the code (its incarnation, see
 * {@link dev.linkpulse.core.links.LinkLife}), and until when the token they connected with holds. All three are
 * checked again at every push ({@link SubscriberCheck}): a subscription never outlives the link life or the token it
 * was granted for.
 */
public record Subscriber(String connectionId, String owner, String incarnation, Instant tokenExpiresAt) {
  public Subscriber {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(incarnation, "incarnation");
    Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
  }
}
