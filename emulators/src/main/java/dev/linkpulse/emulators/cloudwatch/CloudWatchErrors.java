package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.protocol.AwsServiceException;

/**
 * CloudWatch's errors, named twice: by their Query error code (what the SDK for Java reads from
 * {@code <ErrorResponse>}) and by their shape (what JSON clients read from {@code __type}); the header
 * {@code x-amzn-query-error: <code>;Sender} tells a query-compatible JSON client the Query code too.
 */
final class CloudWatchErrors {
  private CloudWatchErrors() {}

  static AwsServiceException error(String shape, String queryCode, int status, String message) {
    AwsServiceException e = new AwsServiceException(shape, status, message);
    e.headers().put("x-amzn-query-error", queryCode + ";" + (status >= 500 ? "Receiver" : "Sender"));
    return e;
  }

  /** Constraint violations the service model does not name (ranges, lengths, patterns, combinations). */
  static AwsServiceException validation(String message) {
    return error("ValidationError", "ValidationError", 400, message);
  }

  static AwsServiceException invalidValue(String message) {
    return error("InvalidParameterValueException", "InvalidParameterValue", 400, message);
  }

  static AwsServiceException invalidCombination(String message) {
    return error("InvalidParameterCombinationException", "InvalidParameterCombination", 400, message);
  }

  static AwsServiceException missing(String parameter) {
    return error("MissingRequiredParameterException", "MissingParameter", 400, "The parameter " + parameter + " is required.");
  }

  static AwsServiceException notFound(String message) {
    return error("ResourceNotFound", "ResourceNotFound", 404, message);
  }

  static AwsServiceException invalidFormat(String message) {
    return error("InvalidFormatFault", "InvalidFormat", 400, message);
  }

  static AwsServiceException invalidNextToken() {
    return error("InvalidNextToken", "InvalidNextToken", 400, "The service cannot process the NextToken given");
  }

  static AwsServiceException limitExceeded(String message) {
    return error("LimitExceededFault", "LimitExceeded", 400, message);
  }

  /** The Query code carried by an error, for the XML error body. */
  static String queryCode(AwsServiceException e) {
    String header = e.headers().get("x-amzn-query-error");
    return header == null ? e.errorType() : header.substring(0, header.indexOf(';'));
  }
}
