package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One execution being interpreted. Every way in (start, a task's result, a timer, a task token, a stop) takes
 * this object's lock, moves the frames as far as they go without waiting, then saves the record and its new
 * history events in one store commit. Nothing here sleeps: waits, backoff and timeouts are timeline tasks.
 */
final class ExecutionRun {
  private final EngineContext engine;
  private final ExecutionRecord rec;
  private final Map<String, Definition.Machine> machines = new HashMap<>();
  private final History history;
  private final Deque<String> ready = new ArrayDeque<>();
  private final Map<String, List<Timeline.Scheduled>> timers = new HashMap<>();
  private final StateSteps states;
  private final TaskSteps tasks;
  private final BranchSteps branches;
  private final ErrorSteps errors;
  private Timeline.Scheduled executionTimeout;
  private boolean shutDown;

  ExecutionRun(EngineContext engine, ExecutionRecord rec) {
    this.engine = engine;
    this.rec = rec;
    this.history = new History(rec);
    index(DefinitionParser.parse(rec.definition));
    this.errors = new ErrorSteps(this);
    this.tasks = new TaskSteps(this, errors);
    this.branches = new BranchSteps(this, errors);
    this.states = new StateSteps(this, tasks, branches);
    errors.bind(tasks, branches);
  }

  private void index(Definition.Machine machine) {
    machines.put(machine.id(), machine);
    for (Definition.State s : machine.states().values()) {
      if (s instanceof Definition.Parallel p) p.branches().forEach(this::index);
      if (s instanceof Definition.MapState m) index(m.processor());
    }
  }

  synchronized void begin() {
    ObjectNode details = History.payload(Json.object(), "input", Json.parse(rec.input));
    details.put("roleArn", rec.roleArn);
    history.add(null, "ExecutionStarted", details, now());
    engine.executions().started(rec.stateMachineArn);
    Definition.Machine root = machines.get("");
    newFrame(null, 0, root, Json.parse(rec.input), null);
    if (root.timeoutSeconds() != null) rec.timeoutAt = rec.startDate + root.timeoutSeconds() * 1000L;
    armExecutionTimeout();
    settle();
  }

  /** After a restart: re-arms every timer, re-runs tasks that were in flight, re-opens what waits for a token. */
  synchronized void resume() {
    armExecutionTimeout();
    for (Frame f : new ArrayList<>(rec.frames.values())) {
      switch (f.phase) {
        case ENTER -> ready.add(f.id);
        case RUNNING -> guard(f, () -> tasks.attempt(f));
        case TOKEN_WAIT -> tasks.rearm(f);
        case WAITING, RETRY_WAIT -> schedule(f, f.wakeAt, Timer.WAKE);
        case CHILDREN -> { }
      }
    }
    settle();
  }

  enum Timer { WAKE, TIMEOUT, HEARTBEAT }

  synchronized void onTimer(String frameId, long seq, Timer kind) {
    Frame f = live(frameId, seq);
    if (f == null) return;
    guard(f, () -> {
      switch (kind) {
        case WAKE -> {
          if (f.phase == Frame.Phase.WAITING) states.waitElapsed(f);
          else if (f.phase == Frame.Phase.RETRY_WAIT) errors.retryNow(f);
        }
        case TIMEOUT -> tasks.timedOut(f, StatesError.TIMEOUT);
        case HEARTBEAT -> {
          if (f.phase == Frame.Phase.TOKEN_WAIT && f.heartbeatAt != null && f.heartbeatAt <= now()) tasks.timedOut(f, StatesError.HEARTBEAT_TIMEOUT);
        }
      }
    });
    settle();
  }

  synchronized void onTaskOutcome(String frameId, long seq, TaskOutcome outcome) {
    Frame f = live(frameId, seq);
    if (f == null || f.phase != Frame.Phase.RUNNING) return;
    guard(f, () -> tasks.outcome(f, outcome));
    settle();
  }

  /** SendTaskSuccess/Failure/Heartbeat; false when the task no longer waits (AWS answers TaskTimedOut). */
  synchronized boolean onToken(String frameId, String token, TaskOutcome outcome, boolean heartbeat) {
    Frame f = shutDown || rec.status != ExecutionRecord.Status.RUNNING ? null : rec.frames.get(frameId);
    if (f == null || f.phase != Frame.Phase.TOKEN_WAIT || !token.equals(f.token)) return false;
    if (heartbeat) tasks.heartbeat(f);
    else guard(f, () -> tasks.tokenAnswered(f, outcome));
    settle();
    return true;
  }

  synchronized boolean stop(String error, String cause) {
    if (rec.status != ExecutionRecord.Status.RUNNING) return false;
    finish(ExecutionRecord.Status.ABORTED, "ExecutionAborted", History.error(error, cause), error, cause);
    settle();
    return true;
  }

  synchronized void shutdown() {
    shutDown = true;
    timers.values().forEach(list -> list.forEach(Timeline.Scheduled::cancel));
    timers.clear();
    if (executionTimeout != null) executionTimeout.cancel();
  }

  synchronized ExecutionView view() {
    return ExecutionView.of(rec);
  }

  synchronized String executionArn() {
    return rec.executionArn;
  }

  // ---- used by the step classes, always under this lock ----

  ExecutionRecord record() {
    return rec;
  }

  EngineContext engine() {
    return engine;
  }

  long now() {
    return engine.timeline().now().toEpochMilli();
  }

  Definition.State state(Frame f) {
    return machines.get(f.machineId).state(f.state);
  }

  void event(Frame f, String type, ObjectNode details) {
    history.add(f, type, details, now());
  }

  Frame newFrame(Frame parent, int index, Definition.Machine machine, JsonNode input, List<String> siblings) {
    String id = parent == null ? "root" : parent.id + "/" + (++rec.frameCounter);
    Frame f = new Frame(id, parent == null ? null : parent.id, index, machine.id(), machine.startAt(), input);
    f.lastEventId = parent != null ? parent.lastEventId : rec.eventCount;
    rec.frames.put(id, f);
    if (siblings != null) siblings.add(id);
    ready.add(id);
    return f;
  }

  void schedule(Frame f, long atMillis, Timer kind) {
    long seq = f.seq;
    String id = f.id;
    timers.computeIfAbsent(id, k -> new ArrayList<>())
        .add(engine.timeline().schedule(Instant.ofEpochMilli(atMillis), () -> onTimer(id, seq, kind)));
  }

  void cancelTimers(Frame f) {
    List<Timeline.Scheduled> list = timers.remove(f.id);
    if (list != null) list.forEach(Timeline.Scheduled::cancel);
  }

  /** Leaves the current state with {@code output}, to {@code next} (or the state's own Next), or ends the frame. */
  void exit(Frame f, JsonNode output, String next) {
    Definition.State s = state(f);
    DataFlow.checkSize(output, "output of state '" + s.name() + "'");
    event(f, s.common().type() + "StateExited", History.payload(History.named(s.name()), "output", output));
    String target = next != null ? next : s.common().next();
    cancelTimers(f);
    if (target == null) {
      frameDone(f, output);
      return;
    }
    f.state = target;
    f.input = output;
    f.effective = null;
    f.phase = Frame.Phase.ENTER;
    f.retries = new int[0];
    f.retryCount = 0;
    f.seq++;
    ready.add(f.id);
  }

  void frameDone(Frame f, JsonNode output) {
    if (f.parentId == null) {
      succeed(output);
    } else {
      branches.childDone(f, output);
    }
  }

  void frameFailed(Frame f, String error, String cause) {
    if (f.parentId == null) {
      finish(ExecutionRecord.Status.FAILED, "ExecutionFailed", History.error(error, cause), error, cause);
    } else {
      branches.childFailed(f, error, cause);
    }
  }

  /** Removes a frame and everything under it: its timers are cancelled, its token closed. */
  void removeFrame(Frame f) {
    for (String child : new ArrayList<>(f.children)) {
      Frame c = rec.frames.get(child);
      if (c != null) removeFrame(c);
    }
    cancelTimers(f);
    engine.tokens().close(f.token);
    rec.frames.remove(f.id);
    ready.remove(f.id);
  }

  /** Runs a step; a {@link StatesError} it raises is handled as the state's error (retry, catch or fail). */
  void guard(Frame f, Runnable step) {
    try {
      step.run();
    } catch (StatesError e) {
      errors.handle(f, e.error(), e.cause());
    }
  }

  private void succeed(JsonNode output) {
    if (Json.utf8Size(output) > DataFlow.MAX_PAYLOAD_BYTES) {
      finish(ExecutionRecord.Status.FAILED, "ExecutionFailed", History.error(StatesError.DATA_LIMIT_EXCEEDED,
          "The execution output is larger than " + DataFlow.MAX_PAYLOAD_BYTES + " bytes"), StatesError.DATA_LIMIT_EXCEEDED, null);
      return;
    }
    rec.output = Json.write(output);
    finish(ExecutionRecord.Status.SUCCEEDED, "ExecutionSucceeded", History.payload(Json.object(), "output", output), null, null);
  }

  private void finish(ExecutionRecord.Status status, String eventType, ObjectNode details, String error, String cause) {
    Frame root = rec.frames.get("root");
    if (root != null) removeFrame(root);
    rec.frames.clear();
    ready.clear();
    if (executionTimeout != null) executionTimeout.cancel();
    rec.status = status;
    rec.stopDate = now();
    rec.error = error == null || error.isEmpty() ? null : error;
    rec.cause = cause;
    history.add(null, eventType, details, rec.stopDate);
    engine.executions().ended(rec.stateMachineArn, status.name(), java.time.Duration.ofMillis(rec.stopDate - rec.startDate));
  }

  private void armExecutionTimeout() {
    if (rec.timeoutAt == null || rec.status != ExecutionRecord.Status.RUNNING) return;
    executionTimeout = engine.timeline().schedule(Instant.ofEpochMilli(rec.timeoutAt), this::onExecutionTimeout);
  }

  private synchronized void onExecutionTimeout() {
    if (shutDown || rec.status != ExecutionRecord.Status.RUNNING) return;
    String cause = "The execution ran longer than its TimeoutSeconds";
    finish(ExecutionRecord.Status.TIMED_OUT, "ExecutionTimedOut", History.error(StatesError.TIMEOUT, cause), StatesError.TIMEOUT, cause);
    settle();
  }

  private Frame live(String frameId, long seq) {
    if (shutDown || rec.status != ExecutionRecord.Status.RUNNING) return null;
    Frame f = rec.frames.get(frameId);
    return f != null && f.seq == seq ? f : null;
  }

  /** Runs every frame that can move, then saves. */
  private void settle() {
    while (!shutDown && rec.status == ExecutionRecord.Status.RUNNING && !ready.isEmpty()) {
      if (history.full()) {
        frameFailed(rec.frames.get("root"), StatesError.RUNTIME, "The execution history reached its limit of " + History.MAX_EVENTS + " events");
        break;
      }
      Frame f = rec.frames.get(ready.poll());
      if (f != null && f.phase == Frame.Phase.ENTER) guard(f, () -> states.enter(f));
    }
    if (!shutDown) engine.store().saveExecution(rec, history.takeUnsaved());
  }
}
