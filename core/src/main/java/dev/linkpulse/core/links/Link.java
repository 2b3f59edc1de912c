package dev.linkpulse.core.links;

import java.time.Instant;
import java.util.Objects;

/**
 * A short link. {@code status} is where moderation has it ({@link Status}); {@code reason} says why, for the owner
 * (null when there is nothing to say). {@code incarnation} tells this life of the code from earlier and later ones (see {@link LinkLife});
 * {@code redirect} is the HTTP status the redirect answers with (302 unless the owner chose otherwise);
 * {@code expiresAt} is null for a link that never expires.
 */
public record Link(String code, String incarnation, String url, String owner, int redirect, Instant createdAt, Instant expiresAt,
    Status status, String reason) {
  /**
   * A link's life under moderation: created {@code PENDING} (it redirects at once), then {@code ACTIVE},
   * {@code REJECTED} or {@code IN_REVIEW} (still redirecting, waiting for a person). {@code DISABLED} is an
   * operator's switch. Active, pending and in-review links redirect: first clicks never wait for a verdict.
   */
  public enum Status {
    ACTIVE, DISABLED, PENDING, REJECTED, IN_REVIEW;

    public boolean redirects() {
      return this == ACTIVE || this == PENDING || this == IN_REVIEW;
    }
  }

  /** How the reason of a link whose moderation failed begins; only such a link can be {@link LinkStore#reopen reopened}. */
  public static final String MODERATION_FAILED = "moderation failed: ";

  /** A link with nothing to say about its status. */
  public Link(String code, String incarnation, String url, String owner, int redirect, Instant createdAt, Instant expiresAt,
      Status status) {
    this(code, incarnation, url, owner, redirect, createdAt, expiresAt, status, null);
  }

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
