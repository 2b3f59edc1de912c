package dev.linkpulse.moderation.handlers;

import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.saga.StepInput;
import java.util.Map;

/** Compensation of step 1: gives the reserved link back to the owner's quota, once. */
public final class ReleaseQuotaHandler extends StepHandler {
  public ReleaseQuotaHandler() {}

  ReleaseQuotaHandler(ModerationSteps steps) {
    super(steps);
  }

  @Override
  Map<String, Object> run(ModerationSteps steps, StepInput input) {
    return Map.of("released", steps.release(input.execution(), input.link()));
  }
}
