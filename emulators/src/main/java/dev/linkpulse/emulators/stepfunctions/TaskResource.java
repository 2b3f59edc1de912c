package dev.linkpulse.emulators.stepfunctions;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task's {@code Resource}, limited to what the engine can run: Lambda (the optimized
 * {@code arn:aws:states:::lambda:invoke} and a bare function ARN), DynamoDB GetItem/PutItem/UpdateItem/DeleteItem
 * and EventBridge PutEvents, with {@code .waitForTaskToken} where AWS supports it. Anything else is refused when
 * the definition is created, with the reason.
 */
record TaskResource(String arn, Kind kind, String service, String action, boolean waitForTaskToken) {
  enum Kind { LAMBDA_INVOKE, LAMBDA_FUNCTION, DYNAMODB, EVENTS }

  private static final Pattern INTEGRATION = Pattern.compile("arn:aws:states:::([a-z0-9-]+):([A-Za-z0-9:-]+?)(\\.waitForTaskToken|\\.sync(?::2)?)?");
  private static final Pattern FUNCTION = Pattern.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?");
  private static final Set<String> DYNAMODB_ACTIONS = Set.of("getItem", "putItem", "updateItem", "deleteItem");
  /** Each DynamoDB action's X-Amz-Target operation. */
  static final Map<String, String> DYNAMODB_OPERATIONS = Map.of(
      "getItem", "GetItem", "putItem", "PutItem", "updateItem", "UpdateItem", "deleteItem", "DeleteItem");

  static TaskResource parse(String arn) {
    if (FUNCTION.matcher(arn).matches()) return new TaskResource(arn, Kind.LAMBDA_FUNCTION, "lambda", "function", false);
    if (arn.contains(":activity:")) throw unsupported(arn, "activities are not supported by the local engine");
    Matcher m = INTEGRATION.matcher(arn);
    if (!m.matches()) {
      throw unsupported(arn, "not a Lambda function ARN or an arn:aws:states::: service integration");
    }
    String service = m.group(1);
    String action = m.group(2);
    String suffix = m.group(3) == null ? "" : m.group(3);
    if (suffix.startsWith(".sync")) throw unsupported(arn, "the .sync (run a job) pattern is not supported by the local engine");
    boolean wait = suffix.equals(".waitForTaskToken");
    if (service.equals("aws-sdk")) {
      throw unsupported(arn, "AWS SDK integrations are not supported by the local engine; use the optimized "
          + "integrations arn:aws:states:::dynamodb:<action> or arn:aws:states:::events:putEvents");
    }
    switch (service) {
      case "lambda":
        if (!action.equals("invoke")) throw unsupported(arn, "the Lambda integration supports only invoke");
        return new TaskResource(arn, Kind.LAMBDA_INVOKE, service, action, wait);
      case "dynamodb":
        if (!DYNAMODB_ACTIONS.contains(action)) throw unsupported(arn, "the DynamoDB integration supports " + DYNAMODB_ACTIONS);
        if (wait) throw unsupported(arn, "DynamoDB supports only the request-response pattern, not .waitForTaskToken");
        return new TaskResource(arn, Kind.DYNAMODB, service, action, false);
      case "events":
        if (!action.equals("putEvents")) throw unsupported(arn, "the EventBridge integration supports only putEvents");
        return new TaskResource(arn, Kind.EVENTS, service, action, wait);
      default:
        throw unsupported(arn, "the " + service + " integration is not supported by the local engine "
            + "(supported: lambda:invoke, dynamodb:getItem|putItem|updateItem|deleteItem, events:putEvents)");
    }
  }

  private static IllegalArgumentException unsupported(String arn, String why) {
    return new IllegalArgumentException("unsupported resource " + arn + ": " + why);
  }

  /** {@code resourceType} in the history's Task events ({@code lambda}, {@code dynamodb}, {@code events}). */
  String historyType() {
    return service;
  }

  /** {@code resource} in the history's Task events ({@code invoke}, {@code invoke.waitForTaskToken}, ...). */
  String historyResource() {
    return action + (waitForTaskToken ? ".waitForTaskToken" : "");
  }
}
