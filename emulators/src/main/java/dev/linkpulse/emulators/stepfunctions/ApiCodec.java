package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** The wire shapes of the Step Functions API: request fields in, response members out (timestamps as epoch seconds). */
final class ApiCodec {
  private ApiCodec() {}

  static String required(JsonNode input, String field) {
    JsonNode v = input.get(field);
    if (v == null || v.isNull() || !v.isTextual() || v.asText().isEmpty()) {
      throw AwsServiceException.client("ValidationException", "1 validation error detected: Value at '" + field + "' failed to satisfy constraint: Member must not be null");
    }
    return v.asText();
  }

  static String optional(JsonNode input, String field) {
    JsonNode v = input.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Integer optionalInt(JsonNode input, String field) {
    JsonNode v = input.get(field);
    return v == null || v.isNull() ? null : v.asInt();
  }

  static BigDecimal seconds(long epochMillis) {
    return BigDecimal.valueOf(epochMillis).movePointLeft(3);
  }

  static ObjectNode machineSummary(MachineRecord m) {
    ObjectNode o = Json.object();
    o.put("stateMachineArn", m.stateMachineArn());
    o.put("name", m.name());
    o.put("type", m.type());
    o.put("creationDate", seconds(m.creationDate()));
    return o;
  }

  static ObjectNode describeMachine(MachineRecord m) {
    ObjectNode o = machineSummary(m);
    o.put("status", "ACTIVE");
    o.put("definition", m.definition());
    if (m.roleArn() != null) o.put("roleArn", m.roleArn());
    ObjectNode logging = o.putObject("loggingConfiguration");
    logging.put("level", "OFF");
    logging.put("includeExecutionData", false);
    return o;
  }

  static ObjectNode executionSummary(ExecutionView v) {
    ObjectNode o = Json.object();
    o.put("executionArn", v.executionArn());
    o.put("stateMachineArn", v.stateMachineArn());
    o.put("name", v.name());
    o.put("status", v.status().name());
    o.put("startDate", seconds(v.startDate()));
    if (v.stopDate() != null) o.put("stopDate", seconds(v.stopDate()));
    return o;
  }

  static ObjectNode describeExecution(ExecutionView v) {
    ObjectNode o = executionSummary(v);
    o.put("input", v.input());
    o.putObject("inputDetails").put("included", true);
    if (v.output() != null) {
      o.put("output", v.output());
      o.putObject("outputDetails").put("included", true);
    }
    if (v.error() != null) o.put("error", v.error());
    if (v.cause() != null) o.put("cause", v.cause());
    o.put("redriveCount", 0);
    o.put("redriveStatus", "NOT_REDRIVABLE");
    return o;
  }

  /** GetExecutionHistory with includeExecutionData false: the events without their input and output payloads. */
  static ObjectNode withoutData(ObjectNode event) {
    ObjectNode copy = event.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
      JsonNode details = it.next().getValue();
      if (details.isObject()) {
        ((ObjectNode) details).remove("input");
        ((ObjectNode) details).remove("output");
      }
    }
    return copy;
  }
}
