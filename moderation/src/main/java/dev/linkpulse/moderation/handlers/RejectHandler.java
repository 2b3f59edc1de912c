package dev.linkpulse.moderation.handlers;

import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.saga.StepInput;
import java.util.Map;

/** Step 4, unsafe: the link is rejected with the reason, only from pending or in review. */
public final class RejectHandler extends StepHandler {
  public RejectHandler() {}

  RejectHandler(ModerationSteps steps) {
    super(steps);
  }

  @Override
  Map<String, Object> run(ModerationSteps steps, StepInput input) {
    return Map.of("outcome", steps.reject(input.execution(), input.link(), input.reason()).name());
  }
}
