package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task attempt against its resource: Lambda through the {@link LambdaInvoker} port, DynamoDB and
 * EventBridge over their JSON protocol at the configured endpoints. Blocking; called on a worker thread.
 * Error names follow AWS: a function's own errorType, {@code Lambda.<code>} for Lambda service errors,
 * {@code DynamoDB.<exception>}, {@code EventBridge.FailedEntry}.
 */
final class Tasks {
  private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);
  private final LambdaInvoker lambda;
  private final Map<String, URI> endpoints;
  private final JsonServiceClient client = new JsonServiceClient();

  Tasks(LambdaInvoker lambda, Map<String, URI> endpoints) {
    this.lambda = lambda;
    this.endpoints = Map.copyOf(endpoints);
  }

  /** Why this engine cannot run {@code resource} as configured, if it cannot. */
  Optional<String> cannotRun(TaskResource resource) {
    switch (resource.kind()) {
      case LAMBDA_INVOKE:
      case LAMBDA_FUNCTION:
        return lambda == null ? Optional.of("no Lambda invoker is configured on this engine") : Optional.empty();
      default:
        return endpoints.containsKey(resource.service()) ? Optional.empty()
            : Optional.of("no " + resource.service() + " endpoint is configured on this engine");
    }
  }

  TaskOutcome run(TaskResource resource, JsonNode parameters, String executionArn, String stateMachineArn) {
    try {
      switch (resource.kind()) {
        case LAMBDA_INVOKE:
          return lambdaInvoke(parameters);
        case LAMBDA_FUNCTION:
          return lambdaFunction(resource.arn(), parameters);
        case DYNAMODB:
          return dynamodb(resource.action(), parameters);
        default:
          return putEvents(parameters, executionArn, stateMachineArn);
      }
    } catch (IOException e) {
      return TaskOutcome.failure(errorPrefix(resource) + ".SdkClientException", "Unable to reach " + resource.service() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TaskOutcome.failure(errorPrefix(resource) + ".SdkClientException", "interrupted");
    } catch (RuntimeException e) {
      // A broken invoker or client is a bug on our side, not the workflow's: say so loudly, fail the attempt.
      LOG.warn("task {} failed inside the engine", resource.arn(), e);
      return TaskOutcome.failure(errorPrefix(resource) + ".SdkClientException", String.valueOf(e));
    }
  }

  private static String errorPrefix(TaskResource r) {
    return switch (r.service()) {
      case "lambda" -> "Lambda";
      case "dynamodb" -> "DynamoDB";
      default -> "EventBridge";
    };
  }

  private TaskOutcome lambdaInvoke(JsonNode parameters) {
    JsonNode name = parameters.get("FunctionName");
    if (name == null || !name.isTextual()) return TaskOutcome.failure(StatesError.RUNTIME, "lambda:invoke needs FunctionName as a string");
    String function = name.asText() + (parameters.hasNonNull("Qualifier") ? ":" + parameters.get("Qualifier").asText() : "");
    JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
    boolean event = "Event".equals(parameters.path("InvocationType").asText());
    LambdaInvoker.Result result = lambda.invoke(function, Json.write(payload));
    if (result.failed() && (!event || result.serviceError())) return lambdaFailure(result);
    ObjectNode out = Json.object();
    out.put("ExecutedVersion", "$LATEST");
    if (event) out.put("Payload", "");
    else out.set("Payload", parsePayload(result.payload()));
    String requestId = UUID.randomUUID().toString();
    JsonServiceClient.addSdkMetadata(out, requestId, "application/json");
    out.put("StatusCode", event ? 202 : 200);
    return TaskOutcome.success(out);
  }

  private TaskOutcome lambdaFunction(String arn, JsonNode payload) {
    LambdaInvoker.Result result = lambda.invoke(arn, Json.write(payload));
    return result.failed() ? lambdaFailure(result) : TaskOutcome.success(parsePayload(result.payload()));
  }

  private static TaskOutcome lambdaFailure(LambdaInvoker.Result result) {
    if (result.serviceError()) return TaskOutcome.failure("Lambda." + result.errorType(), String.valueOf(result.errorMessage()));
    ObjectNode cause = Json.object();
    cause.put("errorMessage", result.errorMessage());
    cause.put("errorType", result.errorType());
    return TaskOutcome.failure(result.errorType(), Json.write(cause));
  }

  private static JsonNode parsePayload(String payload) {
    try {
      return Json.parse(payload);
    } catch (IllegalArgumentException e) {
      return Json.NODES.textNode(payload);
    }
  }

  private TaskOutcome dynamodb(String action, JsonNode parameters) throws IOException, InterruptedException {
    String operation = TaskResource.DYNAMODB_OPERATIONS.get(action);
    JsonServiceClient.Response r = client.call(endpoints.get("dynamodb"), "1.0", "DynamoDB_20120810." + operation, parameters);
    if (r.failed()) return TaskOutcome.failure("DynamoDB." + r.errorType(), r.errorMessage());
    ObjectNode out = r.body().isObject() ? ((ObjectNode) r.body()).deepCopy() : Json.object();
    JsonServiceClient.addSdkMetadata(out, r.requestId(), "application/x-amz-json-1.0");
    return TaskOutcome.success(out);
  }

  /** The optimized integration adds the execution and machine ARNs to each entry's Resources and sends Detail as text. */
  private TaskOutcome putEvents(JsonNode parameters, String executionArn, String stateMachineArn) throws IOException, InterruptedException {
    ObjectNode request = parameters.isObject() ? ((ObjectNode) parameters).deepCopy() : Json.object();
    JsonNode entries = request.get("Entries");
    if (entries == null || !entries.isArray()) return TaskOutcome.failure(StatesError.RUNTIME, "events:putEvents needs Entries as an array");
    for (JsonNode entry : entries) {
      if (!entry.isObject()) continue;
      ObjectNode e = (ObjectNode) entry;
      if (e.has("Detail") && !e.get("Detail").isTextual()) e.put("Detail", Json.write(e.get("Detail")));
      ArrayNode resources = e.has("Resources") && e.get("Resources").isArray() ? (ArrayNode) e.get("Resources") : e.putArray("Resources");
      resources.add(executionArn).add(stateMachineArn);
    }
    JsonServiceClient.Response r = client.call(endpoints.get("events"), "1.1", "AWSEvents.PutEvents", request);
    if (r.failed()) return TaskOutcome.failure("EventBridge." + r.errorType(), r.errorMessage());
    if (r.body().path("FailedEntryCount").asInt() > 0) return TaskOutcome.failure("EventBridge.FailedEntry", Json.write(r.body()));
    return TaskOutcome.success(r.body());
  }
}
