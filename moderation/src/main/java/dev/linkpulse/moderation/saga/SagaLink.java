package dev.linkpulse.moderation.saga;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/** The link a saga moderates, as {@code link.created} described it. Its quota day is the UTC day it was created. */
public record SagaLink(String code, String incarnation, String owner, String target, String createdAt) {
  public SagaLink {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(incarnation, "incarnation");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public LocalDate quotaDay() {
    return Instant.parse(createdAt).atZone(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * The saga's execution name: one per life of a code, so every delivery of one {@code link.created} names the same
   * execution (Step Functions refuses a second), and a code created again after a delete gets a saga of its own.
   * Codes are {@code [A-Za-z0-9_-]{3,64}} and incarnations 7 characters: at most 72 of the 80 characters allowed.
   */
  public String executionName() {
    return code + "-" + incarnation;
  }
}
