package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;

/** What one task attempt produced: a result, or an error name and cause. */
record TaskOutcome(JsonNode output, String error, String cause) {
  static TaskOutcome success(JsonNode output) {
    return new TaskOutcome(output, null, null);
  }

  static TaskOutcome failure(String error, String cause) {
    return new TaskOutcome(null, error == null ? "" : error, cause);
  }

  boolean failed() {
    return error != null;
  }
}
