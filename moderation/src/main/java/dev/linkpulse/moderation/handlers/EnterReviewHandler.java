package dev.linkpulse.moderation.handlers;

import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.saga.StepInput;
import java.util.Map;

/**
 * The review queue's entry (a {@code .waitForTaskToken} task): the link goes to {@code in_review} with the task token,
 * which {@code linkpulse moderation approve|reject} sends back. The execution waits until then or its timeout. The
 * review's start is the Review state's entry, so the review queue's age is measured on Step Functions' clock.
 */
public final class EnterReviewHandler extends StepHandler {
  public EnterReviewHandler() {}

  EnterReviewHandler(ModerationSteps steps) {
    super(steps);
  }

  @Override
  Map<String, Object> run(ModerationSteps steps, StepInput input) {
    if (input.taskToken() == null || input.taskToken().isBlank()) throw new IllegalArgumentException("the review step needs a taskToken");
    return Map.of("outcome", steps.enterReview(input.execution(), input.link(), input.reason(), input.taskToken(),
        input.enteredAtInstant()).name());
  }
}
