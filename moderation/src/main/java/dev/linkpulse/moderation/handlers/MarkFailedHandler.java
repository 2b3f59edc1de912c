package dev.linkpulse.moderation.handlers;

import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.saga.StepInput;
import java.util.Map;

/** The last compensation of a failed saga: the link is refused with the error as its reason, never left pending. */
public final class MarkFailedHandler extends StepHandler {
  public MarkFailedHandler() {}

  MarkFailedHandler(ModerationSteps steps) {
    super(steps);
  }

  @Override
  Map<String, Object> run(ModerationSteps steps, StepInput input) {
    return Map.of("outcome", steps.fail(input.execution(), input.link(), input.errorLine()).name());
  }
}
