package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The context object ({@code $$}): the execution, the current state, the state machine, the task token, the Map item. */
final class ContextObject {
  private ContextObject() {}

  static ObjectNode of(ExecutionRecord rec, Frame frame, String token) {
    ObjectNode context = Json.object();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", rec.executionArn);
    execution.set("Input", Json.parse(rec.input));
    execution.put("Name", rec.name);
    execution.put("RoleArn", rec.roleArn);
    execution.put("StartTime", Timestamps.format(Instant.ofEpochMilli(rec.startDate)));
    execution.put("RedriveCount", 0);
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", Timestamps.format(Instant.ofEpochMilli(frame.enteredAt)));
    state.put("Name", frame.state);
    state.put("RetryCount", frame.retryCount);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", rec.stateMachineArn);
    machine.put("Name", rec.stateMachineName);
    if (token != null) context.putObject("Task").put("Token", token);
    return context;
  }

  /** The context inside a Map's ItemSelector: adds {@code Map.Item.Index} and {@code Map.Item.Value}. */
  static ObjectNode forItem(ObjectNode context, int index, JsonNode value) {
    ObjectNode item = context.putObject("Map").putObject("Item");
    item.put("Index", index);
    item.set("Value", value);
    return context;
  }
}
