package dev.linkpulse.emulators.lambda;

/**
 * A function error, as Lambda reports one: the error's type and message (the handler's own message, so that an
 * authorizer's "Unauthorized" reaches the gateway as it would on AWS), and the function it came from.
 */
public final class FunctionError extends RuntimeException {
  /** The error type of an invocation stopped at its Timeout. */
  public static final String TIMED_OUT = "Sandbox.Timedout";
  private final String function;
  private final String errorType;

  FunctionError(String function, String errorType, String message, Throwable cause) {
    super(message, cause);
    this.function = function;
    this.errorType = errorType;
  }

  static FunctionError invocation(String function, Throwable t) {
    return new FunctionError(function, t.getClass().getName(), t.getMessage(), t);
  }

  /**
   * An invocation stopped at the function's Timeout, as the newer runtimes (java21 among them) report it: error type
   * {@code Sandbox.Timedout}, message {@code RequestId: <id> Error: Task timed out after 3.00 seconds}. Lambda's
   * Invoke answers it as an {@code Unhandled} function error, like any other.
   */
  static FunctionError timeout(String function, String requestId, int timeoutSeconds) {
    return new FunctionError(function, TIMED_OUT, "RequestId: " + requestId + " Error: " + taskTimedOut(timeoutSeconds), null);
  }

  /** What Lambda writes of a timeout, in the function's log and in the error message. */
  static String taskTimedOut(int timeoutSeconds) {
    return String.format(java.util.Locale.ROOT, "Task timed out after %.2f seconds", (double) timeoutSeconds);
  }

  static FunctionError init(String function, Throwable t) {
    return new FunctionError(function, t.getClass().getName(), "function " + function + " failed to initialise: " + t, t);
  }

  public String function() {
    return function;
  }

  public String errorType() {
    return errorType;
  }

  /** Whether the invocation was stopped at the function's Timeout (its execution environment is gone). */
  public boolean timedOut() {
    return TIMED_OUT.equals(errorType);
  }

  @Override
  public String toString() {
    return "function error in " + function + ": " + errorType + ": " + getMessage();
  }
}
