package dev.linkpulse.moderation.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.linkpulse.core.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What the state machine passes a Lambda step (its {@code Payload}): the execution name, the link, and per step a
 * reason, the task token of a callback and when its state was entered ({@code $$.State.EnteredTime}), or the error a
 * compensation runs for.
 */
public record StepInput(String execution, SagaLink link, String reason, String taskToken, String enteredAt, StepError error) {
  /** A Catch's error output, {@code {"Error", "Cause"}} as Step Functions spells it. */
  public record StepError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {}

  /** @throws IllegalArgumentException when the payload is not a step's input: the step fails, and Catch decides */
  public static StepInput of(Map<String, Object> payload) {
    StepInput input;
    try {
      input = Json.MAPPER.convertValue(payload, StepInput.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a moderation step's input: " + e.getMessage(), e);
    }
    if (input == null || input.execution() == null || input.execution().isBlank() || input.link() == null) {
      throw new IllegalArgumentException("a moderation step needs execution and link");
    }
    return input;
  }

  /**
   * When the step's state was entered, by Step Functions' clock (a retried step keeps its state's entry); null when
   * the definition does not pass it.
   *
   * @throws IllegalArgumentException when it is not an ISO-8601 instant
   */
  public Instant enteredAtInstant() {
    if (enteredAt == null || enteredAt.isBlank()) return null;
    try {
      return Instant.parse(enteredAt);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("enteredAt is not an ISO-8601 instant: " + enteredAt, e);
    }
  }

  /** The error a compensation runs for, as one line: {@code Error: Cause}. */
  public String errorLine() {
    if (error == null) return "unknown error";
    return error.error() + (error.cause() == null || error.cause().isBlank() ? "" : ": " + error.cause());
  }
}
