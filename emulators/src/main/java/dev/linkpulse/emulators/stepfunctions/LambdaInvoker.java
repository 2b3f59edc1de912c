package dev.linkpulse.emulators.stepfunctions;

import java.util.Objects;

/**
 * The port through which the engine invokes Lambda functions; the local stack implements it over its function
 * runtime. {@code function} is what the definition names: a function name, a full or partial function ARN,
 * possibly with a qualifier. {@code payload} is JSON text. Called on an engine worker thread; it may block for
 * as long as the function runs (the Task's TimeoutSeconds still applies).
 */
@FunctionalInterface
public interface LambdaInvoker {
  Result invoke(String function, String payload);

  /**
   * The bare function name in any of the forms a definition may use: {@code my-fn}, {@code my-fn:live},
   * {@code 000000000000:function:my-fn}, {@code arn:aws:lambda:us-east-1:000000000000:function:my-fn:live}.
   */
  static String functionName(String function) {
    String rest = function;
    int at = rest.indexOf("function:");
    if (at >= 0) rest = rest.substring(at + "function:".length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  /** What an invocation returned: a payload, a function error, or a Lambda service error. */
  record Result(String payload, String errorType, String errorMessage, boolean serviceError) {
    /** The function returned {@code payloadJson}. */
    public static Result success(String payloadJson) {
      return new Result(Objects.requireNonNull(payloadJson, "payloadJson"), null, null, false);
    }

    /** The function threw: Step Functions reports {@code errorType} as the error name, as Lambda's runtime does. */
    public static Result functionError(String errorType, String errorMessage) {
      return new Result(null, Objects.requireNonNull(errorType, "errorType"), errorMessage, false);
    }

    /**
     * Lambda itself refused, e.g. {@code ResourceNotFoundException} or {@code TooManyRequestsException}: the
     * Task fails with {@code Lambda.<code>}, the name retriers match on AWS.
     */
    public static Result serviceError(String code, String message) {
      return new Result(null, Objects.requireNonNull(code, "code"), message, true);
    }

    public boolean failed() {
      return errorType != null;
    }
  }
}
