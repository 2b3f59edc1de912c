package dev.linkpulse.moderation.screening;

import java.util.Optional;

/** One heuristic. Pure: the same target always gives the same finding, so a retried step screens alike. */
interface ScreeningRule {
  Optional<Finding> check(TargetUrl target);
}
