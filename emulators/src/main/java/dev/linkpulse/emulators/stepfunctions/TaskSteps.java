package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;

/**
 * A Task's life: each attempt renders Parameters (with a fresh task token for {@code .waitForTaskToken}),
 * records TaskScheduled/TaskStarted (LambdaFunction* for a bare function ARN), runs on a worker, and ends in
 * TaskSucceeded, TaskFailed or TaskTimedOut. A callback task is TaskSubmitted first and then waits for
 * SendTask*, its heartbeat re-armed by each SendTaskHeartbeat.
 */
final class TaskSteps {
  private final ExecutionRun run;
  private final ErrorSteps errors;

  TaskSteps(ExecutionRun run, ErrorSteps errors) {
    this.run = run;
    this.errors = errors;
  }

  void enter(Frame f, Definition.Task t) {
    f.effective = DataFlow.inputPath(t.common().inputPath(), f.input);
    attempt(f);
  }

  void attempt(Frame f) {
    Definition.Task t = (Definition.Task) run.state(f);
    TaskResource r = t.resource();
    f.seq++;
    f.phase = Frame.Phase.RUNNING;
    f.token = r.waitForTaskToken() ? run.engine().tokens().issue(run.record().executionArn, f.id) : null;
    JsonNode parameters = DataFlow.parameters(t.processing().parameters(), f.effective, ContextObject.of(run.record(), f, f.token));
    DataFlow.checkSize(parameters, "input of task '" + t.name() + "'");
    int timeout = seconds(t.timeout(), f.effective, "TimeoutSecondsPath");
    f.heartbeatSeconds = t.heartbeat().fixed() != null || t.heartbeat().path() != null ? seconds(t.heartbeat(), f.effective, "HeartbeatSecondsPath") : null;
    f.timeoutAt = run.now() + timeout * 1000L;
    scheduledEvents(f, r, parameters, timeout);
    run.schedule(f, f.timeoutAt, ExecutionRun.Timer.TIMEOUT);
    dispatch(f, r, parameters);
  }

  private void scheduledEvents(Frame f, TaskResource r, JsonNode parameters, int timeout) {
    if (r.kind() == TaskResource.Kind.LAMBDA_FUNCTION) {
      ObjectNode d = History.payload(Json.object(), "input", parameters);
      d.put("resource", r.arn());
      d.put("timeoutInSeconds", timeout);
      run.event(f, "LambdaFunctionScheduled", d);
      run.event(f, "LambdaFunctionStarted", null);
      return;
    }
    ObjectNode d = resource(r);
    d.put("region", AwsAccount.REGION);
    d.put("parameters", Json.write(parameters));
    d.put("timeoutInSeconds", timeout);
    if (f.heartbeatSeconds != null) d.put("heartbeatInSeconds", f.heartbeatSeconds);
    run.event(f, "TaskScheduled", d);
    run.event(f, "TaskStarted", resource(r));
  }

  private void dispatch(Frame f, TaskResource r, JsonNode parameters) {
    String id = f.id;
    long seq = f.seq;
    String executionArn = run.record().executionArn;
    String machineArn = run.record().stateMachineArn;
    EngineContext engine = run.engine();
    try {
      engine.workers().execute(() -> run.onTaskOutcome(id, seq, engine.tasks().run(r, parameters, executionArn, machineArn)));
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      // The engine is closing: the attempt stays RUNNING in the store and runs again after the next start.
    }
  }

  /** A worker's answer for the current attempt. */
  void outcome(Frame f, TaskOutcome o) {
    TaskResource r = ((Definition.Task) run.state(f)).resource();
    if (o.failed()) {
      failed(f, r, o.error(), o.cause());
    } else if (r.waitForTaskToken()) {
      run.event(f, "TaskSubmitted", History.payload(resource(r), "output", o.output()));
      f.phase = Frame.Phase.TOKEN_WAIT;
      heartbeat(f);
    } else {
      succeeded(f, r, o.output());
    }
  }

  /** After a restart: the callback task waits on, with its original deadlines. */
  void rearm(Frame f) {
    run.schedule(f, f.timeoutAt, ExecutionRun.Timer.TIMEOUT);
    if (f.heartbeatAt != null) run.schedule(f, f.heartbeatAt, ExecutionRun.Timer.HEARTBEAT);
  }

  void heartbeat(Frame f) {
    if (f.heartbeatSeconds == null) return;
    f.heartbeatAt = run.now() + f.heartbeatSeconds * 1000L;
    run.schedule(f, f.heartbeatAt, ExecutionRun.Timer.HEARTBEAT);
  }

  void tokenAnswered(Frame f, TaskOutcome o) {
    TaskResource r = ((Definition.Task) run.state(f)).resource();
    if (o.failed()) failed(f, r, o.error(), o.cause());
    else succeeded(f, r, o.output());
  }

  void timedOut(Frame f, String error) {
    if (f.phase != Frame.Phase.RUNNING && f.phase != Frame.Phase.TOKEN_WAIT) return;
    TaskResource r = ((Definition.Task) run.state(f)).resource();
    String cause = error.equals(StatesError.HEARTBEAT_TIMEOUT) ? "No heartbeat within " + f.heartbeatSeconds + " seconds" : "The task ran longer than its timeout";
    ObjectNode d = r.kind() == TaskResource.Kind.LAMBDA_FUNCTION ? Json.object() : resource(r);
    d.setAll(History.error(error, cause));
    run.event(f, r.kind() == TaskResource.Kind.LAMBDA_FUNCTION ? "LambdaFunctionTimedOut" : "TaskTimedOut", d);
    close(f);
    errors.handle(f, error, cause);
  }

  private void failed(Frame f, TaskResource r, String error, String cause) {
    ObjectNode d = r.kind() == TaskResource.Kind.LAMBDA_FUNCTION ? Json.object() : resource(r);
    d.setAll(History.error(error, cause));
    run.event(f, r.kind() == TaskResource.Kind.LAMBDA_FUNCTION ? "LambdaFunctionFailed" : "TaskFailed", d);
    close(f);
    errors.handle(f, error, cause);
  }

  private void succeeded(Frame f, TaskResource r, JsonNode output) {
    DataFlow.checkSize(output, "result of task '" + f.state + "'");
    if (r.kind() == TaskResource.Kind.LAMBDA_FUNCTION) run.event(f, "LambdaFunctionSucceeded", History.payload(Json.object(), "output", output));
    else run.event(f, "TaskSucceeded", History.payload(resource(r), "output", output));
    close(f);
    Definition.Task t = (Definition.Task) run.state(f);
    JsonNode result = DataFlow.result(t.processing(), f.input, output, ContextObject.of(run.record(), f, null));
    run.exit(f, DataFlow.outputPath(t.common().outputPath(), result), null);
  }

  private void close(Frame f) {
    run.cancelTimers(f);
    run.engine().tokens().close(f.token);
    f.token = null;
    f.heartbeatAt = null;
    f.seq++;
  }

  private static ObjectNode resource(TaskResource r) {
    ObjectNode d = Json.object();
    d.put("resourceType", r.historyType());
    d.put("resource", r.historyResource());
    return d;
  }

  private static int seconds(Definition.Seconds s, JsonNode effective, String field) {
    if (s.fixed() != null) return s.fixed();
    JsonNode v = s.path().select(effective);
    if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > Integer.MAX_VALUE) {
      throw StatesError.runtime("The " + field + " parameter does not reference a positive integer: " + v);
    }
    return v.asInt();
  }
}
