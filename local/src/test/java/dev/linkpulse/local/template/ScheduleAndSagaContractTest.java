package dev.linkpulse.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** template.yaml's scheduled functions say what a failed run costs, and the moderation saga's timings fit together. */
class ScheduleAndSagaContractTest {
  static final Template template = ProjectTemplate.TEMPLATE;

  /**
   * A scheduled function is invoked asynchronously: a failed run is retried by Lambda, then dropped. Each one says
   * what that costs: MaximumRetryAttempts 0 (the next tick replaces the run, as a gauge's does) or an OnFailure
   * destination (a run that does work of its own must not vanish).
   */
  static List<String> scheduledWithoutAFailurePolicy(Template t) {
    List<String> problems = new ArrayList<>();
    for (FunctionSpec fn : t.functions()) {
      boolean scheduled = fn.events().values().stream().anyMatch(e -> "Schedule".equals(e.get("Type")));
      if (!scheduled) continue;
      Map<String, Object> config = Template.map(fn.properties().get("EventInvokeConfig"));
      boolean replaced = "0".equals(String.valueOf(config.get("MaximumRetryAttempts")));
      boolean kept = Template.map(Template.map(config.get("DestinationConfig")).get("OnFailure")).containsKey("Destination");
      if (!replaced && !kept) problems.add(fn.logicalId() + ": scheduled, with neither MaximumRetryAttempts 0 nor an OnFailure destination");
    }
    return problems;
  }

  @Test
  void everyScheduledFunctionSaysWhatAFailedRunCosts() {
    assertThat(template.functions().stream().filter(f -> f.events().values().stream().anyMatch(e -> "Schedule".equals(e.get("Type"))))
        .map(FunctionSpec::logicalId)).contains("ReviewQueueSweepFunction");
    assertThat(scheduledWithoutAFailurePolicy(template)).isEmpty();
  }

  @Test
  void aScheduledFunctionWithLambdasDefaultRetriesAndNoDestinationIsCaught(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Template broken = ProjectTemplate.edited(dir, yaml -> yaml.replace("      EventInvokeConfig:\n        MaximumRetryAttempts: 0\n", ""));
    assertThat(scheduledWithoutAFailurePolicy(broken)).containsExactly(
        "ReviewQueueSweepFunction: scheduled, with neither MaximumRetryAttempts 0 nor an OnFailure destination");
  }

  @Test
  void theReviewQueueAlarmFiresBeforeTheSagaRejectsAReviewUnseen() {
    long alarm = Long.parseLong(String.valueOf(Template.map(template.parameters().get("ReviewQueueMaxAgeSeconds")).get("Default")));
    long timeout = Long.parseLong(String.valueOf(Template.map(template.parameters().get("ReviewTimeoutSeconds")).get("Default")));
    assertThat(alarm).as("ReviewQueueMaxAgeSeconds leaves moderators time to act").isLessThanOrEqualTo(timeout / 2);
  }
}
