package dev.linkpulse.emulators.codedeploy;

import java.time.Instant;

/** One lifecycle event of a deployment as GetDeploymentTarget reports it; guarded by the engine's lock. */
final class LifecycleEventState {
  static final String PENDING = "Pending";
  static final String IN_PROGRESS = "InProgress";
  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";
  static final String SKIPPED = "Skipped";

  final LifecycleEventName name;
  String status = PENDING;
  Instant startTime;
  Instant endTime;
  /** The hook function and its execution id, for a hook event that ran. */
  String hookFunction;
  String executionId;
  /** Diagnostics of a failure: a {@code LifecycleErrorCode} and a message. */
  String errorCode;
  String message;

  LifecycleEventState(LifecycleEventName name) {
    this.name = name;
  }

  boolean completed() {
    return status.equals(SUCCEEDED) || status.equals(FAILED) || status.equals(SKIPPED);
  }

  void begin(Instant now) {
    status = IN_PROGRESS;
    startTime = now;
  }

  void succeed(Instant now) {
    if (startTime == null) startTime = now;
    status = SUCCEEDED;
    endTime = now;
  }

  void fail(Instant now, String code, String why) {
    if (startTime == null) startTime = now;
    status = FAILED;
    endTime = now;
    errorCode = code;
    message = why;
  }

  void skip(Instant now) {
    status = SKIPPED;
    startTime = now;
    endTime = now;
  }
}
