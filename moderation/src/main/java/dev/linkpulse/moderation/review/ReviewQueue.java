package dev.linkpulse.moderation.review;

import java.time.Instant;
import java.util.Optional;

/** The links waiting for a person's decision, as the review sweep reads them: only the one waiting longest. */
public interface ReviewQueue {
  /** A link in review, and since when. */
  record Waiting(String code, Instant since) {}

  /** The link that has waited longest; empty when nobody waits. */
  Optional<Waiting> oldest();
}
