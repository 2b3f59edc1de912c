package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The model: state machines and their executions, with the API reference's rules (names, idempotent starts,
 * task tokens) and AWS's error types. Loads what the store holds; {@link #resumeRunning} resumes every execution that was running.
 */
final class StepFunctionsEngine implements AutoCloseable {
  private final EngineContext context;
  private final Map<String, MachineRecord> machines = new LinkedHashMap<>();
  private final Map<String, ExecutionRun> executions = new LinkedHashMap<>();
  private List<ExecutionRun> toResume;

  StepFunctionsEngine(EngineContext context) {
    this.context = context;
    context.store().machines().forEach(m -> machines.put(m.stateMachineArn(), m));
    List<ExecutionRun> running = new ArrayList<>();
    for (ExecutionRecord rec : context.store().executions()) {
      ExecutionRun run = new ExecutionRun(context, rec);
      executions.put(rec.executionArn, run);
      if (rec.status == ExecutionRecord.Status.RUNNING) running.add(run);
    }
    toResume = running;
  }

  /** Resumes the executions that were running when the store was last closed; only the first call does anything. */
  synchronized void resumeRunning() {
    List<ExecutionRun> runs = toResume;
    toResume = List.of();
    runs.forEach(ExecutionRun::resume);
  }

  /** CreateStateMachine: the same name, definition and role again returns the existing machine. */
  synchronized MachineRecord create(String name, String definition, String roleArn, String type) {
    Names.check(name, "state machine");
    if (type != null && !type.equals("STANDARD")) {
      throw AwsServiceException.client("ValidationException", "Only STANDARD state machines are supported by the local engine, not " + type);
    }
    validate(definition);
    String arn = Names.machineArn(name);
    MachineRecord existing = machines.get(arn);
    if (existing != null) {
      if (existing.definition().equals(definition) && Objects.equals(existing.roleArn(), roleArn)) return existing;
      throw AwsServiceException.client("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    MachineRecord m = new MachineRecord(arn, name, definition, roleArn, "STANDARD", context.timeline().now().toEpochMilli());
    context.store().putMachine(m);
    machines.put(arn, m);
    return m;
  }

  /** UpdateStateMachine: new executions run the new definition; running ones keep theirs. */
  synchronized MachineRecord update(String arn, String definition, String roleArn) {
    MachineRecord m = machine(arn);
    if (definition != null) validate(definition);
    MachineRecord updated = new MachineRecord(arn, m.name(), definition == null ? m.definition() : definition,
        roleArn == null ? m.roleArn() : roleArn, m.type(), m.creationDate());
    context.store().putMachine(updated);
    machines.put(arn, updated);
    return updated;
  }

  /** Parses and checks a definition, including that every Task's resource can run here; throws InvalidDefinitionException. */
  Definition.Machine validate(String definition) {
    Definition.Machine machine = DefinitionParser.parse(definition);
    List<String> problems = new ArrayList<>();
    resources(machine, problems);
    if (!problems.isEmpty()) throw new InvalidDefinitionException(problems);
    return machine;
  }

  private void resources(Definition.Machine machine, List<String> problems) {
    for (Definition.State s : machine.states().values()) {
      if (s instanceof Definition.Task t) {
        context.tasks().cannotRun(t.resource()).ifPresent(why -> problems.add(t.common().where() + "/Resource: " + t.resource().arn() + ": " + why));
      } else if (s instanceof Definition.Parallel p) {
        p.branches().forEach(b -> resources(b, problems));
      } else if (s instanceof Definition.MapState m) {
        resources(m.processor(), problems);
      }
    }
  }

  synchronized MachineRecord machine(String arn) {
    Names.machineName(arn);
    MachineRecord m = machines.get(arn);
    if (m == null) throw AwsServiceException.client("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    return m;
  }

  synchronized List<MachineRecord> machines() {
    List<MachineRecord> out = new ArrayList<>(machines.values());
    out.sort(Comparator.comparing(MachineRecord::name));
    return out;
  }

  synchronized void delete(String arn) {
    machine(arn);
    machines.remove(arn);
    context.store().deleteMachine(arn);
  }

  /** The started (or, for an idempotent repeat, the existing) execution. */
  ExecutionView start(String machineArn, String name, String input) {
    ExecutionRun run;
    synchronized (this) {
      MachineRecord m = machine(machineArn);
      String executionName = name == null ? UUID.randomUUID().toString() : name;
      Names.check(executionName, "execution");
      String text = input == null ? "{}" : input;
      JsonNode parsed = parseInput(text);
      String arn = Names.executionArn(m.name(), executionName);
      ExecutionRun existing = executions.get(arn);
      if (existing != null) return sameStart(existing, parsed);
      ExecutionRecord rec = new ExecutionRecord();
      rec.executionArn = arn;
      rec.stateMachineArn = m.stateMachineArn();
      rec.stateMachineName = m.name();
      rec.name = executionName;
      rec.roleArn = m.roleArn();
      rec.definition = m.definition();
      rec.input = Json.write(parsed);
      rec.startDate = context.timeline().now().toEpochMilli();
      run = new ExecutionRun(context, rec);
      executions.put(arn, run);
    }
    run.begin();
    return run.view();
  }

  /** The API reference: same name and input while the execution is open is idempotent; otherwise ExecutionAlreadyExists. */
  private static ExecutionView sameStart(ExecutionRun existing, JsonNode input) {
    ExecutionView v = existing.view();
    if (v.status() == ExecutionRecord.Status.RUNNING && Json.parse(v.input()).equals(input)) return v;
    throw AwsServiceException.client("ExecutionAlreadyExists", "Execution Already Exists: '" + v.executionArn() + "'");
  }

  private static JsonNode parseInput(String text) {
    if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > DataFlow.MAX_PAYLOAD_BYTES) {
      throw AwsServiceException.client("InvalidExecutionInput", "Invalid State Machine Execution Input: larger than " + DataFlow.MAX_PAYLOAD_BYTES + " bytes");
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw AwsServiceException.client("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
    }
  }

  ExecutionRun execution(String arn) {
    Names.checkExecutionArn(arn);
    ExecutionRun run;
    synchronized (this) {
      run = executions.get(arn);
    }
    if (run == null) throw AwsServiceException.client("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    return run;
  }

  /** Newest first, as ListExecutions answers. */
  List<ExecutionView> executions(String machineArn, Optional<ExecutionRecord.Status> status) {
    machine(machineArn);
    List<ExecutionRun> runs;
    synchronized (this) {
      runs = new ArrayList<>(executions.values());
    }
    List<ExecutionView> out = new ArrayList<>();
    for (ExecutionRun run : runs) {
      ExecutionView v = run.view();
      if (v.stateMachineArn().equals(machineArn) && status.map(s -> s == v.status()).orElse(true)) out.add(v);
    }
    out.sort(Comparator.comparingLong(ExecutionView::startDate).reversed());
    return out;
  }

  List<ObjectNode> history(String executionArn) {
    return context.store().history(execution(executionArn).executionArn());
  }

  /** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat, with the API reference's token errors. */
  void answerToken(String token, TaskOutcome outcome, boolean heartbeat) {
    if (!context.tokens().wellFormed(token)) throw AwsServiceException.client("InvalidToken", "Invalid Token: 'Invalid token'");
    TaskTokens.Holder holder = context.tokens().open(token);
    if (holder == null) {
      if (!context.tokens().issued(token)) throw AwsServiceException.client("TaskDoesNotExist", "Task Does Not Exist: the token was never issued");
      throw AwsServiceException.client("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }
    ExecutionRun run;
    synchronized (this) {
      run = executions.get(holder.executionArn());
    }
    if (run == null || !run.onToken(holder.frameId(), token, outcome, heartbeat)) {
      throw AwsServiceException.client("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }
  }

  long now() {
    return context.timeline().now().toEpochMilli();
  }

  @Override
  public void close() {
    List<ExecutionRun> runs;
    synchronized (this) {
      runs = new ArrayList<>(executions.values());
    }
    runs.forEach(ExecutionRun::shutdown);
  }
}
