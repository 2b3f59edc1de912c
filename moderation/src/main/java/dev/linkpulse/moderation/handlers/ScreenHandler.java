package dev.linkpulse.moderation.handlers;

import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.saga.StepInput;
import dev.linkpulse.moderation.screening.Screening;
import java.util.Map;

/**
 * Steps 2 and 3: screen and decide ({@code verdict}: SAFE, SUSPICIOUS or MALICIOUS, with the reason). Reads only, so
 * a retry screens again; {@code ReputationUnavailable} is the error the state machine retries.
 */
public final class ScreenHandler extends StepHandler {
  public ScreenHandler() {}

  ScreenHandler(ModerationSteps steps) {
    super(steps);
  }

  @Override
  Map<String, Object> run(ModerationSteps steps, StepInput input) {
    Screening screening = steps.screen(input.link());
    return Map.of("verdict", screening.verdict().name(), "reason", screening.reason(),
        "findings", screening.findings().stream().map(f -> Map.of("rule", f.rule(), "verdict", f.verdict().name(), "reason", f.reason())).toList());
  }
}
