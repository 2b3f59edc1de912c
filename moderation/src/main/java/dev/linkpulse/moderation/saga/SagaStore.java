package dev.linkpulse.moderation.saga;

import dev.linkpulse.core.links.Link;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * The saga's side effects, each keyed by execution and step and atomic with its record: the first call does the
 * work and records its outcome in the same transaction; a repeat (a Step Functions retry, a duplicate delivery)
 * finds the record and returns that outcome, changing nothing.
 */
public interface SagaStore {
  enum Reservation { RESERVED, QUOTA_EXCEEDED }

  enum Transition { APPLIED, STALE }

  /**
   * A link's entry into review: the task token the reviewer's decision sends back, and when the review began (the
   * Review state's entry; null: now, by the store's clock). The link is on the review queue index while it waits.
   */
  record Review(String token, Instant since) {}

  /** Takes one link from the owner's quota for {@code day}, unless {@code limit} are already taken. */
  Reservation reserve(String execution, String owner, LocalDate day, int limit);

  /** Gives back what this execution reserved; false when it reserved nothing. Releasing twice releases once. */
  boolean release(String execution, String owner, LocalDate day);

  /**
   * Moves the link's life from one of {@code from} to {@code to} with a reason; {@code review} is kept on the
   * link while it is in review (null for any other move, which takes the link off the review queue). STALE: the link is gone, is another life, or has already left
   * {@code from}, and nothing changed.
   */
  Transition transition(String execution, String step, SagaLink link, Set<Link.Status> from, Link.Status to, String reason, Review review);
}
