package dev.linkpulse.emulators.lambda;

/**
 * A function error, as Lambda reports one: the error's type and message (the handler's own message, so that an
 * authorizer's "Unauthorized" reaches the gateway as it would on AWS), and the function it came from.
 */
public final class FunctionError extends RuntimeException {
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

  static FunctionError init(String function, Throwable t) {
    return new FunctionError(function, t.getClass().getName(), "function " + function + " failed to initialise: " + t, t);
  }

  public String function() {
    return function;
  }

  public String errorType() {
    return errorType;
  }

  @Override
  public String toString() {
    return "function error in " + function + ": " + errorType + ": " + getMessage();
  }
}
