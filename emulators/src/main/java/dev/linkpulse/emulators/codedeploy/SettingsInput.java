package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a deployment group's (or a deployment's overriding) settings, with the errors the API reference gives for
 * each: {@code InvalidAlarmConfigException} ("The alarm name is empty or null or exceeds the limit of 255
 * characters. Two alarms with the same name have been specified. The alarm configuration is enabled, but the alarm
 * list is empty."), {@code AlarmsLimitExceededException} (more than ten), {@code InvalidAutoRollbackConfigException}
 * ("automatic rollback is enabled, but an invalid triggering event type or no event types were listed").
 */
final class SettingsInput {
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

  private SettingsInput() {}

  static AlarmConfiguration alarms(JsonNode node) {
    if (node == null || node.isNull()) return AlarmConfiguration.NONE;
    JsonNode list = node.get("alarms");
    List<String> names = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode alarm : list) names.add(alarm.path("name").isTextual() ? alarm.path("name").asText() : null);
    }
    if (names.size() > AlarmConfiguration.MAX_ALARMS) {
      throw AwsServiceException.client("AlarmsLimitExceededException", "The maximum number of alarms for a deployment group ("
          + AlarmConfiguration.MAX_ALARMS + ") was exceeded: " + names.size());
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name == null || name.isEmpty() || name.length() > AlarmConfiguration.MAX_NAME_LENGTH) {
        throw invalidAlarms("an alarm name is empty or longer than " + AlarmConfiguration.MAX_NAME_LENGTH + " characters");
      }
      if (!seen.add(name)) throw invalidAlarms("the alarm " + name + " is specified twice");
    }
    boolean enabled = node.path("enabled").asBoolean(false);
    if (enabled && names.isEmpty()) throw invalidAlarms("the alarm configuration is enabled, but the alarm list is empty");
    return new AlarmConfiguration(enabled, node.path("ignorePollAlarmFailure").asBoolean(false), names);
  }

  static AutoRollbackConfiguration autoRollback(JsonNode node) {
    if (node == null || node.isNull()) return AutoRollbackConfiguration.NONE;
    Set<String> events = new LinkedHashSet<>();
    for (JsonNode event : node.path("events")) {
      if (!AutoRollbackConfiguration.EVENTS.contains(event.asText())) {
        throw invalidRollback("'" + event.asText() + "' is not a rollback event; use " + AutoRollbackConfiguration.EVENTS);
      }
      events.add(event.asText());
    }
    boolean enabled = node.path("enabled").asBoolean(false);
    if (enabled && events.isEmpty()) throw invalidRollback("automatic rollback is enabled, but no event types were listed");
    return new AutoRollbackConfiguration(enabled, events);
  }

  /** A predefined Lambda configuration by name; {@code null} means the default ({@code CodeDeployDefault.LambdaAllAtOnce}). */
  static LambdaDeploymentConfig config(String name) {
    String wanted = name == null ? LambdaDeploymentConfig.DEFAULT_NAME : name;
    return LambdaDeploymentConfig.predefined(wanted).orElseThrow(() -> AwsServiceException.client(
        "DeploymentConfigDoesNotExistException", "No deployment configuration found for name: " + wanted
            + " (the Lambda configurations are " + LambdaDeploymentConfig.predefinedNames() + ")"));
  }

  /** Lambda deployment groups are blue/green with traffic control; anything else is refused. */
  static void deploymentStyle(JsonNode node) {
    if (node == null || node.isNull()) return;
    String type = node.path("deploymentType").asText("BLUE_GREEN");
    String option = node.path("deploymentOption").asText("WITH_TRAFFIC_CONTROL");
    if (!type.equals("BLUE_GREEN") || !option.equals("WITH_TRAFFIC_CONTROL")) {
      throw AwsServiceException.client("InvalidDeploymentStyleException", "A Lambda deployment group must be BLUE_GREEN "
          + "WITH_TRAFFIC_CONTROL, not " + type + " " + option);
    }
  }

  /** {@code serviceRoleArn} is required ("Required: Yes") and must be an IAM role ARN. */
  static String serviceRole(String arn) {
    if (arn == null || arn.isEmpty()) throw AwsServiceException.client("RoleRequiredException", "The service role ARN is required");
    if (!ROLE_ARN.matcher(arn).matches()) {
      throw AwsServiceException.client("InvalidRoleException", "The service role ARN " + arn + " is not an IAM role ARN");
    }
    return arn;
  }

  private static AwsServiceException invalidAlarms(String why) {
    return AwsServiceException.client("InvalidAlarmConfigException", "The alarm configuration is not valid: " + why);
  }

  private static AwsServiceException invalidRollback(String why) {
    return AwsServiceException.client("InvalidAutoRollbackConfigException", "The automatic rollback configuration is not valid: " + why);
  }
}
