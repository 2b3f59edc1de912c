package dev.linkpulse.moderation.saga;

import dev.linkpulse.core.links.Link;
import dev.linkpulse.moderation.screening.Screener;
import dev.linkpulse.moderation.screening.Screening;
import java.time.Instant;
import java.util.Set;

/**
 * The saga's Lambda steps as a domain service: the state machine (moderation/statemachine.asl.json) decides the
 * order, retries and compensations; each method here is one step, safe to repeat. Nothing here knows Lambda.
 */
public final class ModerationSteps {
  static final Set<Link.Status> UNDECIDED = Set.of(Link.Status.PENDING, Link.Status.IN_REVIEW);
  /** A reason is for one line of a listing. */
  static final int MAX_REASON = 200;

  private final SagaStore store;
  private final Screener screener;
  private final int dailyQuota;

  public ModerationSteps(SagaStore store, Screener screener, int dailyQuota) {
    this.store = store;
    this.screener = screener;
    this.dailyQuota = dailyQuota;
  }

  public SagaStore.Reservation reserve(String execution, SagaLink link) {
    return store.reserve(execution, link.owner(), link.quotaDay(), dailyQuota);
  }

  public Screening screen(SagaLink link) {
    return screener.screen(link.target());
  }

  /** @param since when the review began (the Review state's entry); null: now */
  public SagaStore.Transition enterReview(String execution, SagaLink link, String reason, String taskToken, Instant since) {
    return store.transition(execution, "review", link, Set.of(Link.Status.PENDING), Link.Status.IN_REVIEW, shorten(reason),
        new SagaStore.Review(taskToken, since));
  }

  public SagaStore.Transition activate(String execution, SagaLink link) {
    return store.transition(execution, "activate", link, UNDECIDED, Link.Status.ACTIVE, null, null);
  }

  public SagaStore.Transition reject(String execution, SagaLink link, String reason) {
    return store.transition(execution, "reject", link, UNDECIDED, Link.Status.REJECTED, shorten(reason), null);
  }

  /** Compensation of {@link #reserve}. */
  public boolean release(String execution, SagaLink link) {
    return store.release(execution, link.owner(), link.quotaDay());
  }

  /** The last compensation of a failed saga: the link is refused with the cause, never left pending. */
  public SagaStore.Transition fail(String execution, SagaLink link, String error) {
    return store.transition(execution, "fail", link, UNDECIDED, Link.Status.REJECTED, shorten(Link.MODERATION_FAILED + error), null);
  }

  static String shorten(String reason) {
    if (reason == null || reason.isBlank()) return "no reason given";
    String line = reason.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
  }
}
