package dev.linkpulse.emulators.dynamodb;

import dev.linkpulse.emulators.protocol.AwsServiceException;

/** DynamoDB's error types, with its HTTP statuses and messages close to its own (API Reference, "Common Errors"). */
final class Errors {
  private Errors() {}

  static AwsServiceException validation(String message) {
    return AwsServiceException.client("ValidationException", message);
  }

  static AwsServiceException invalidParameter(String message) {
    return validation("One or more parameter values were invalid: " + message);
  }

  static AwsServiceException serialization(String message) {
    return AwsServiceException.client("SerializationException", message);
  }

  static AwsServiceException tableNotFound(String table) {
    return AwsServiceException.client("ResourceNotFoundException", "Requested resource not found: Table: " + table + " not found");
  }

  static AwsServiceException resourceNotFound(String message) {
    return AwsServiceException.client("ResourceNotFoundException", message);
  }

  static AwsServiceException tableInUse(String table) {
    return AwsServiceException.client("ResourceInUseException", "Table already exists: " + table);
  }

  static AwsServiceException conditionFailed() {
    return AwsServiceException.client("ConditionalCheckFailedException", "The conditional request failed");
  }

  static AwsServiceException throughputExceeded() {
    return AwsServiceException.client("ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning"
            + " level with the UpdateTable API.");
  }

  static AwsServiceException keyMismatch() {
    return validation("The provided key element does not match the schema");
  }

  static AwsServiceException itemTooLarge() {
    return validation("Item size has exceeded the maximum allowed size");
  }

  static AwsServiceException expiredIterator() {
    return AwsServiceException.client("ExpiredIteratorException", "Iterator expired. The iterator was created more than 15 minutes ago.");
  }

  static AwsServiceException trimmedData(String message) {
    return AwsServiceException.client("TrimmedDataAccessException", message);
  }
}
