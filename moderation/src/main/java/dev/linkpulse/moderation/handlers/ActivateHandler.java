package dev.linkpulse.moderation.handlers;

import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.saga.StepInput;
import java.util.Map;

/** Step 4, safe: the link becomes active, only from pending or in review ({@code outcome}: APPLIED or STALE). */
public final class ActivateHandler extends StepHandler {
  public ActivateHandler() {}

  ActivateHandler(ModerationSteps steps) {
    super(steps);
  }

  @Override
  Map<String, Object> run(ModerationSteps steps, StepInput input) {
    return Map.of("outcome", steps.activate(input.execution(), input.link()).name());
  }
}
