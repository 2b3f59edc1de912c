package dev.linkpulse.emulators.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error as an AWS service returns it: an error type (the name the SDK maps to its exception class, such as
 * {@code ConditionalCheckFailedException}), a message, an HTTP status, and any extra members the operation's
 * error shape documents (for example {@code CancellationReasons}).
 */
public class AwsServiceException extends RuntimeException {
  private final String errorType;
  private final int status;
  private final ObjectNode extra = JsonNodeFactory.instance.objectNode();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public AwsServiceException(String errorType, int status, String message) {
    super(message, null, false, false);
    this.errorType = errorType;
    this.status = status;
  }

  /** A 400 with {@code errorType}: the caller's mistake, not retried by the SDK (except throttling types). */
  public static AwsServiceException client(String errorType, String message) {
    return new AwsServiceException(errorType, 400, message);
  }

  public String errorType() {
    return errorType;
  }

  public int status() {
    return status;
  }

  /** Extra members of the error body, beside {@code __type} and {@code message}; mutable until thrown. */
  public ObjectNode extra() {
    return extra;
  }

  /** Extra response headers (e.g. {@code x-amzn-query-error} of query-compatible services); mutable until thrown. */
  public Map<String, String> headers() {
    return headers;
  }
}
