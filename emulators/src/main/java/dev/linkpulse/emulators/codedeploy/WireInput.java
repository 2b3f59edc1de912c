package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads request members the way the CodeDeploy API reference constrains them; a violation is AWS's error for it. */
final class WireInput {
  /** Application and deployment group names: "Length Constraints: Minimum length of 1. Maximum length of 100." */
  static final int MAX_NAME_LENGTH = 100;

  private WireInput() {}

  static String text(JsonNode in, String field) {
    JsonNode node = in.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  static Boolean bool(JsonNode in, String field) {
    JsonNode node = in.get(field);
    return node == null || node.isNull() ? null : node.asBoolean();
  }

  static List<String> texts(JsonNode in, String field) {
    List<String> values = new ArrayList<>();
    JsonNode node = in.get(field);
    if (node != null && node.isArray()) node.forEach(v -> values.add(v.asText()));
    return values;
  }

  static String applicationName(JsonNode in) {
    return name(text(in, "applicationName"), "ApplicationNameRequiredException", "InvalidApplicationNameException",
        "The application name");
  }

  static String groupName(JsonNode in) {
    return name(text(in, "deploymentGroupName"), "DeploymentGroupNameRequiredException",
        "InvalidDeploymentGroupNameException", "The deployment group name");
  }

  private static String name(String value, String requiredError, String invalidError, String what) {
    if (value == null || value.isEmpty()) throw AwsServiceException.client(requiredError, what + " is required");
    if (value.length() > MAX_NAME_LENGTH) {
      throw AwsServiceException.client(invalidError, what + " must be at most " + MAX_NAME_LENGTH + " characters");
    }
    return value;
  }

  /** A deployment id: required, and in CodeDeploy's form {@code d-} and nine letters or digits. */
  static String deploymentId(String value) {
    if (value == null || value.isEmpty()) throw AwsServiceException.client("DeploymentIdRequiredException", "A deployment ID is required");
    if (!Ids.DEPLOYMENT_ID.matcher(value).matches()) {
      throw AwsServiceException.client("InvalidDeploymentIdException", "The deployment ID " + value + " is not in a valid format");
    }
    return value;
  }

  static String deploymentId(JsonNode in) {
    return deploymentId(text(in, "deploymentId"));
  }

  /** A timestamp as the JSON protocol sends it: epoch seconds, possibly with a fraction. */
  static Instant instant(JsonNode node) {
    if (node == null || node.isNull()) return null;
    BigDecimal seconds = node.decimalValue();
    return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
  }
}
