package dev.linkpulse.moderation.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.saga.StepInput;
import java.util.Map;

/**
 * Base of the saga's step handlers: the payload becomes a {@link StepInput}, the step runs on the domain service,
 * the result goes back as the task's output. An exception is the task's error; the state machine retries or catches it
 * by its class name, as Lambda's Java runtime reports it.
 */
abstract class StepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final ModerationSteps steps;

  StepHandler() {
    this(ModerationFunctions.steps());
  }

  StepHandler(ModerationSteps steps) {
    this.steps = steps;
  }

  @Override
  public final Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
    return run(steps, StepInput.of(payload));
  }

  abstract Map<String, Object> run(ModerationSteps steps, StepInput input);
}
