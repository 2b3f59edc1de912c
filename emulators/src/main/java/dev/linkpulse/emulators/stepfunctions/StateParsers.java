package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The type-specific part of each state: what a Task, Wait, Parallel, ... takes beyond the common fields. */
final class StateParsers {
  /** AWS's default when a Task gives no TimeoutSeconds. */
  static final int DEFAULT_TASK_TIMEOUT = 99_999_999;
  private static final java.util.Set<String> LAMBDA_INVOKE_FIELDS = java.util.Set.of("FunctionName", "Payload", "InvocationType",
      "Qualifier", "ClientContext", "LogType");

  private final DefinitionParser machines;
  private final Problems problems;
  private final RuleParsers rules;

  StateParsers(DefinitionParser machines, Problems problems) {
    this.machines = machines;
    this.problems = problems;
    this.rules = new RuleParsers(problems);
  }

  Definition.State parse(Definition.Common c, FieldReader f, String machineId) {
    switch (c.type()) {
      case "Pass":
        return new Definition.Pass(c, processing(f, false), f.get("Result"));
      case "Task":
        return task(c, f);
      case "Choice":
        return new Definition.Choice(c, rules.choices(f), problems.attempt(f.at("Default"), () -> f.text("Default")));
      case "Wait":
        return waitState(c, f);
      case "Succeed":
        return new Definition.Succeed(c);
      case "Fail":
        return fail(c, f);
      case "Parallel":
        return parallel(c, f, machineId);
      default:
        return map(c, f, machineId);
    }
  }

  /** The Processing part of a state, or null for states without one. */
  static Definition.Processing processing(Definition.State state) {
    if (state instanceof Definition.Task t) return t.processing();
    if (state instanceof Definition.Parallel p) return p.processing();
    if (state instanceof Definition.MapState m) return m.processing();
    if (state instanceof Definition.Pass p) return p.processing();
    return null;
  }

  private Definition.Processing processing(FieldReader f, boolean errorHandling) {
    Definition.PathField resultPath = problems.attempt(f.at("ResultPath"), () -> resultPath(f, "ResultPath"));
    String parametersField = f.has("ItemSelector") ? "ItemSelector" : "Parameters";
    if (f.has("ItemSelector") && f.has("Parameters")) problems.add(f.where(), "give ItemSelector or Parameters, not both");
    PayloadTemplate parameters = problems.attempt(f.at(parametersField), () -> f.template(parametersField));
    PayloadTemplate selector = problems.attempt(f.at("ResultSelector"), () -> f.template("ResultSelector"));
    return new Definition.Processing(resultPath == null ? Definition.PathField.ROOT : resultPath, parameters, selector,
        errorHandling ? rules.retriers(f) : List.of(), errorHandling ? rules.catchers(f) : List.of());
  }

  static Definition.PathField resultPath(FieldReader f, String field) {
    Definition.PathField p = f.pathField(field);
    if (p.path() != null && (p.path().context() || !p.path().namesOnly())) {
      throw new DefinitionError(f.at(field), "ResultPath must be a reference path of field names into the state input, such as $.result");
    }
    return p;
  }

  private Definition.Task task(Definition.Common c, FieldReader f) {
    TaskResource resource = problems.attempt(f.at("Resource"), () -> TaskResource.parse(f.requiredText("Resource")));
    if (resource != null && resource.kind() == TaskResource.Kind.LAMBDA_INVOKE) lambdaParameters(f);
    Definition.Seconds timeout = seconds(f, "TimeoutSeconds");
    Definition.Seconds heartbeat = seconds(f, "HeartbeatSeconds");
    if (timeout.fixed() != null && heartbeat.fixed() != null && heartbeat.fixed() >= timeout.fixed()) {
      problems.add(f.at("HeartbeatSeconds"), "must be smaller than TimeoutSeconds");
    }
    return new Definition.Task(c, processing(f, true), resource,
        timeout.fixed() == null && timeout.path() == null ? new Definition.Seconds(DEFAULT_TASK_TIMEOUT, null) : timeout, heartbeat);
  }

  /** lambda:invoke takes the Lambda Invoke request's fields, and FunctionName is required. */
  private void lambdaParameters(FieldReader f) {
    JsonNode parameters = f.get("Parameters");
    if (parameters == null || !parameters.isObject()) {
      problems.add(f.at("Parameters"), "lambda:invoke needs Parameters with FunctionName");
      return;
    }
    if (!parameters.has("FunctionName") && !parameters.has("FunctionName.$")) problems.add(f.at("Parameters"), "lambda:invoke needs FunctionName");
    parameters.fieldNames().forEachRemaining(key -> {
      String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      if (!LAMBDA_INVOKE_FIELDS.contains(name)) {
        problems.add(f.at("Parameters/" + key), "the field '" + name + "' is not supported by lambda:invoke (supported: " + LAMBDA_INVOKE_FIELDS + ")");
      }
    });
  }

  private Definition.Seconds seconds(FieldReader f, String field) {
    Integer fixed = problems.attempt(f.at(field), () -> f.integer(field, 1));
    JsonPath path = problems.attempt(f.at(field + "Path"), () -> f.referencePath(field + "Path"));
    if (fixed != null && path != null) problems.add(f.where(), "give " + field + " or " + field + "Path, not both");
    return new Definition.Seconds(fixed, path);
  }

  private Definition.Wait waitState(Definition.Common c, FieldReader f) {
    Integer seconds = problems.attempt(f.at("Seconds"), () -> f.integer("Seconds", 0));
    String timestamp = problems.attempt(f.at("Timestamp"), () -> f.text("Timestamp"));
    if (timestamp != null && Timestamps.parse(timestamp).isEmpty()) problems.add(f.at("Timestamp"), "must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z");
    JsonPath secondsPath = problems.attempt(f.at("SecondsPath"), () -> f.referencePath("SecondsPath"));
    JsonPath timestampPath = problems.attempt(f.at("TimestampPath"), () -> f.referencePath("TimestampPath"));
    long given = java.util.stream.Stream.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath").filter(f::has).count();
    if (given != 1) problems.add(f.where(), "a Wait state takes exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
    return new Definition.Wait(c, seconds, timestamp, secondsPath, timestampPath);
  }

  private Definition.Fail fail(Definition.Common c, FieldReader f) {
    String error = problems.attempt(f.at("Error"), () -> f.text("Error"));
    String cause = problems.attempt(f.at("Cause"), () -> f.text("Cause"));
    String errorPath = dynamicString(f, "ErrorPath");
    String causePath = dynamicString(f, "CausePath");
    if (error != null && errorPath != null) problems.add(f.where(), "give Error or ErrorPath, not both");
    if (cause != null && causePath != null) problems.add(f.where(), "give Cause or CausePath, not both");
    return new Definition.Fail(c, error, cause, errorPath, causePath);
  }

  /** ErrorPath/CausePath: a reference path or an intrinsic call, checked now and evaluated on entry. */
  private String dynamicString(FieldReader f, String field) {
    String text = problems.attempt(f.at(field), () -> f.text(field));
    if (text == null) return null;
    problems.attempt(f.at(field), () -> Intrinsic.isCall(text) ? Intrinsic.parse(text) : f.referencePath(field));
    return text;
  }

  private Definition.Parallel parallel(Definition.Common c, FieldReader f, String machineId) {
    JsonNode branches = f.get("Branches");
    List<Definition.Machine> parsed = new ArrayList<>();
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      problems.add(f.at("Branches"), "must be a non-empty array of branches");
    } else {
      for (int i = 0; i < branches.size(); i++) {
        parsed.add(machines.machine(branches.get(i), f.at("Branches/" + i), machineId + "/" + c.name() + "/" + i, false));
      }
    }
    return new Definition.Parallel(c, processing(f, true), parsed);
  }

  private Definition.MapState map(Definition.Common c, FieldReader f, String machineId) {
    String field = f.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    JsonNode processor = f.get(field);
    Definition.Machine machine = null;
    if (processor == null || !processor.isObject()) {
      problems.add(f.at("ItemProcessor"), "a Map state needs an ItemProcessor");
    } else {
      JsonNode mode = processor.path("ProcessorConfig").path("Mode");
      if (!mode.isMissingNode() && !mode.asText().equals("INLINE")) {
        problems.add(f.at(field + "/ProcessorConfig/Mode"), "only an INLINE Map is supported by the local engine, not " + mode.asText());
      }
      machine = machines.machine(processor, f.at(field), machineId + "/" + c.name(), false);
    }
    JsonPath itemsPath = problems.attempt(f.at("ItemsPath"), () -> f.referencePath("ItemsPath"));
    Integer maxConcurrency = problems.attempt(f.at("MaxConcurrency"), () -> f.integer("MaxConcurrency", 0));
    JsonPath maxConcurrencyPath = problems.attempt(f.at("MaxConcurrencyPath"), () -> f.referencePath("MaxConcurrencyPath"));
    return new Definition.MapState(c, processing(f, true), machine, itemsPath == null ? JsonPath.parse("$") : itemsPath,
        maxConcurrency, maxConcurrencyPath);
  }
}
