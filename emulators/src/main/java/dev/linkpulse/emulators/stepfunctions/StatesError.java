package dev.linkpulse.emulators.stepfunctions;

/**
 * An error raised inside an execution, named the way ASL names errors ({@code States.Runtime},
 * {@code States.TaskFailed}, a function's own error type...), with its cause. Retriers and catchers match on
 * {@link #error()}. Thrown by the rules (paths, intrinsics, choice) and caught by the interpreter.
 */
final class StatesError extends RuntimeException {
  static final String ALL = "States.ALL";
  static final String RUNTIME = "States.Runtime";
  static final String TIMEOUT = "States.Timeout";
  static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  static final String TASK_FAILED = "States.TaskFailed";
  static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  static final String BRANCH_FAILED = "States.BranchFailed";

  private final String error;
  private final String cause;

  StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  static StatesError runtime(String cause) {
    return new StatesError(RUNTIME, cause);
  }

  String error() {
    return error;
  }

  String cause() {
    return cause;
  }
}
