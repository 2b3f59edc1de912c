package dev.linkpulse.moderation.handlers;

import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.saga.StepInput;
import java.util.Map;

/** Step 1: one link from the owner's daily quota ({@code outcome}: RESERVED or QUOTA_EXCEEDED). */
public final class ReserveQuotaHandler extends StepHandler {
  public ReserveQuotaHandler() {}

  ReserveQuotaHandler(ModerationSteps steps) {
    super(steps);
  }

  @Override
  Map<String, Object> run(ModerationSteps steps, StepInput input) {
    return Map.of("outcome", steps.reserve(input.execution(), input.link()).name());
  }
}
