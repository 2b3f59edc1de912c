package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsJsonServer;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations behind target prefix {@code AWSStepFunctions}: request JSON to the engine and back, with AWS's errors. */
final class StepFunctionsApi {
  static final String TARGET_PREFIX = "AWSStepFunctions";
  static final String NAMESPACE = "com.amazonaws.swf.service.v2.model";

  private final StepFunctionsEngine engine;

  StepFunctionsApi(StepFunctionsEngine engine) {
    this.engine = engine;
  }

  Map<String, AwsJsonServer.Operation> operations() {
    return Map.ofEntries(
        Map.entry("CreateStateMachine", this::createStateMachine),
        Map.entry("UpdateStateMachine", this::updateStateMachine),
        Map.entry("DeleteStateMachine", in -> {
          engine.delete(ApiCodec.required(in, "stateMachineArn"));
          return Json.object();
        }),
        Map.entry("DescribeStateMachine", in -> ApiCodec.describeMachine(engine.machine(ApiCodec.required(in, "stateMachineArn")))),
        Map.entry("ListStateMachines", this::listStateMachines),
        Map.entry("ValidateStateMachineDefinition", this::validate),
        Map.entry("StartExecution", this::startExecution),
        Map.entry("DescribeExecution", in -> ApiCodec.describeExecution(engine.execution(ApiCodec.required(in, "executionArn")).view())),
        Map.entry("DescribeStateMachineForExecution", this::machineForExecution),
        Map.entry("ListExecutions", this::listExecutions),
        Map.entry("GetExecutionHistory", this::history),
        Map.entry("StopExecution", this::stopExecution),
        Map.entry("SendTaskSuccess", this::sendTaskSuccess),
        Map.entry("SendTaskFailure", in -> token(in, TaskOutcome.failure(ApiCodec.optional(in, "error"), ApiCodec.optional(in, "cause")), false)),
        Map.entry("SendTaskHeartbeat", in -> token(in, null, true)));
  }

  private JsonNode createStateMachine(JsonNode in) {
    MachineRecord m = invalidDefinitionAsApiError(() -> engine.create(ApiCodec.required(in, "name"),
        ApiCodec.required(in, "definition"), ApiCodec.optional(in, "roleArn"), ApiCodec.optional(in, "type")));
    ObjectNode out = Json.object();
    out.put("stateMachineArn", m.stateMachineArn());
    out.put("creationDate", ApiCodec.seconds(m.creationDate()));
    return out;
  }

  private JsonNode updateStateMachine(JsonNode in) {
    invalidDefinitionAsApiError(() -> engine.update(ApiCodec.required(in, "stateMachineArn"), ApiCodec.optional(in, "definition"), ApiCodec.optional(in, "roleArn")));
    ObjectNode out = Json.object();
    out.put("updateDate", ApiCodec.seconds(engine.now()));
    return out;
  }

  private static <T> T invalidDefinitionAsApiError(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidDefinitionException e) {
      throw AwsServiceException.client("InvalidDefinition", e.getMessage());
    }
  }

  private JsonNode listStateMachines(JsonNode in) {
    Pages.Page<MachineRecord> page = Pages.page(engine.machines(), ApiCodec.optionalInt(in, "maxResults"), ApiCodec.optional(in, "nextToken"), "machines");
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("stateMachines");
    page.items().forEach(m -> list.add(ApiCodec.machineSummary(m)));
    if (page.nextToken() != null) out.put("nextToken", page.nextToken());
    return out;
  }

  private JsonNode validate(JsonNode in) {
    ObjectNode out = Json.object();
    ArrayNode diagnostics = out.putArray("diagnostics");
    try {
      engine.validate(ApiCodec.required(in, "definition"));
      out.put("result", "OK");
    } catch (InvalidDefinitionException e) {
      out.put("result", "FAIL");
      for (String problem : e.problems()) {
        ObjectNode d = diagnostics.addObject();
        d.put("severity", "ERROR");
        d.put("code", "SCHEMA_VALIDATION_FAILED");
        d.put("message", problem.substring(problem.indexOf(": ") + 2));
        d.put("location", problem.substring(0, problem.indexOf(": ")));
      }
    }
    out.put("truncated", false);
    return out;
  }

  private JsonNode startExecution(JsonNode in) {
    ExecutionView v = engine.start(ApiCodec.required(in, "stateMachineArn"), ApiCodec.optional(in, "name"), ApiCodec.optional(in, "input"));
    ObjectNode out = Json.object();
    out.put("executionArn", v.executionArn());
    out.put("startDate", ApiCodec.seconds(v.startDate()));
    return out;
  }

  private JsonNode machineForExecution(JsonNode in) {
    ExecutionView v = engine.execution(ApiCodec.required(in, "executionArn")).view();
    MachineRecord m = engine.machine(v.stateMachineArn());
    ObjectNode out = ApiCodec.describeMachine(m);
    out.put("updateDate", ApiCodec.seconds(m.creationDate()));
    return out;
  }

  private JsonNode listExecutions(JsonNode in) {
    String filter = ApiCodec.optional(in, "statusFilter");
    Optional<ExecutionRecord.Status> status;
    try {
      status = filter == null ? Optional.empty() : Optional.of(ExecutionRecord.Status.valueOf(filter));
    } catch (IllegalArgumentException e) {
      if (!filter.equals("PENDING_REDRIVE")) throw AwsServiceException.client("ValidationException", "statusFilter must be RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE");
      status = null;
    }
    String machine = ApiCodec.required(in, "stateMachineArn");
    List<ExecutionView> all = status == null ? List.of() : engine.executions(machine, status);
    Pages.Page<ExecutionView> page = Pages.page(all, ApiCodec.optionalInt(in, "maxResults"), ApiCodec.optional(in, "nextToken"), machine + "|" + filter);
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("executions");
    page.items().forEach(v -> list.add(ApiCodec.executionSummary(v)));
    if (page.nextToken() != null) out.put("nextToken", page.nextToken());
    return out;
  }

  private JsonNode history(JsonNode in) {
    String arn = ApiCodec.required(in, "executionArn");
    List<ObjectNode> events = new ArrayList<>(engine.history(arn));
    if (in.path("reverseOrder").asBoolean(false)) Collections.reverse(events);
    boolean data = in.path("includeExecutionData").asBoolean(true);
    Pages.Page<ObjectNode> page = Pages.page(events, ApiCodec.optionalInt(in, "maxResults"), ApiCodec.optional(in, "nextToken"),
        arn + "|" + in.path("reverseOrder").asBoolean(false));
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("events");
    page.items().forEach(e -> list.add(data ? e : ApiCodec.withoutData(e)));
    if (page.nextToken() != null) out.put("nextToken", page.nextToken());
    return out;
  }

  private JsonNode stopExecution(JsonNode in) {
    ExecutionRun run = engine.execution(ApiCodec.required(in, "executionArn"));
    run.stop(ApiCodec.optional(in, "error"), ApiCodec.optional(in, "cause"));
    ObjectNode out = Json.object();
    out.put("stopDate", ApiCodec.seconds(run.view().stopDate()));
    return out;
  }

  private JsonNode sendTaskSuccess(JsonNode in) {
    String output = ApiCodec.required(in, "output");
    if (output.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > DataFlow.MAX_PAYLOAD_BYTES) {
      throw AwsServiceException.client("InvalidOutput", "Invalid Output: larger than " + DataFlow.MAX_PAYLOAD_BYTES + " bytes");
    }
    JsonNode parsed;
    try {
      parsed = Json.parse(output);
    } catch (IllegalArgumentException e) {
      throw AwsServiceException.client("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
    }
    return token(in, TaskOutcome.success(parsed), false);
  }

  private JsonNode token(JsonNode in, TaskOutcome outcome, boolean heartbeat) {
    engine.answerToken(ApiCodec.required(in, "taskToken"), outcome, heartbeat);
    return Json.object();
  }
}
