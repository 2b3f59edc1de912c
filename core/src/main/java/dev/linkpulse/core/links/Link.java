package dev.linkpulse.core.links;

import java.time.Instant;
import java.util.Objects;

/**
 * A short link. {@code incarnation} tells this life of the code from earlier and later ones (see {@link LinkLife});
 * {@code redirect} is the HTTP status the redirect answers with (302 unless the owner chose otherwise);
 * {@code expiresAt} is null for a link that never expires.
 */
public record Link(String code, String incarnation, String url, String owner, int redirect, Instant createdAt, Instant expiresAt,
    Status status) {
  public enum Status { ACTIVE, DISABLED }

  public Link {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(incarnation, "incarnation");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(status, "status");
  }

  /** The life of the code this link is: what its analytics are keyed by. */
  public LinkLife life() {
    return new LinkLife(code, incarnation);
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
