package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Entering a state, and the states that need no task: Pass, Choice, Wait, Succeed and Fail. */
final class StateSteps {
  private final ExecutionRun run;
  private final TaskSteps tasks;
  private final BranchSteps branches;

  StateSteps(ExecutionRun run, TaskSteps tasks, BranchSteps branches) {
    this.run = run;
    this.tasks = tasks;
    this.branches = branches;
  }

  void enter(Frame f) {
    Definition.State s = run.state(f);
    f.enteredAt = run.now();
    f.seq++;
    run.event(f, s.common().type() + "StateEntered", History.payload(History.named(s.name()), "input", f.input));
    DataFlow.checkSize(f.input, "input of state '" + s.name() + "'");
    if (s instanceof Definition.Task t) {
      tasks.enter(f, t);
    } else if (s instanceof Definition.Parallel || s instanceof Definition.MapState) {
      branches.enter(f, s);
    } else if (s instanceof Definition.Pass p) {
      pass(f, p);
    } else if (s instanceof Definition.Choice c) {
      choice(f, c);
    } else if (s instanceof Definition.Wait w) {
      waitState(f, w);
    } else if (s instanceof Definition.Succeed) {
      run.exit(f, DataFlow.outputPath(s.common().outputPath(), DataFlow.inputPath(s.common().inputPath(), f.input)), null);
    } else {
      fail(f, (Definition.Fail) s);
    }
  }

  private void pass(Frame f, Definition.Pass p) {
    JsonNode effective = DataFlow.inputPath(p.common().inputPath(), f.input);
    JsonNode result = p.result() != null ? p.result()
        : DataFlow.parameters(p.processing().parameters(), effective, ContextObject.of(run.record(), f, null));
    JsonNode output = DataFlow.resultPath(p.processing().resultPath(), f.input, result);
    run.exit(f, DataFlow.outputPath(p.common().outputPath(), output), null);
  }

  private void choice(Frame f, Definition.Choice c) {
    JsonNode effective = DataFlow.inputPath(c.common().inputPath(), f.input);
    JsonNode context = ContextObject.of(run.record(), f, null);
    String next = null;
    for (ChoiceRule.Branch b : c.choices()) {
      if (b.rule().test(effective, context)) {
        next = b.next();
        break;
      }
    }
    if (next == null) next = c.defaultNext();
    if (next == null) throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches! (state '" + c.name() + "')");
    run.exit(f, DataFlow.outputPath(c.common().outputPath(), effective), next);
  }

  private void waitState(Frame f, Definition.Wait w) {
    JsonNode effective = DataFlow.inputPath(w.common().inputPath(), f.input);
    long until;
    if (w.seconds() != null) {
      until = f.enteredAt + w.seconds() * 1000L;
    } else if (w.timestamp() != null) {
      until = Timestamps.parse(w.timestamp()).orElseThrow().toEpochMilli();
    } else if (w.secondsPath() != null) {
      JsonNode v = w.secondsPath().select(effective);
      if (!v.isIntegralNumber() || v.asLong() < 0) throw StatesError.runtime("The SecondsPath parameter does not reference a non-negative integer: " + v);
      until = f.enteredAt + v.asLong() * 1000L;
    } else {
      JsonNode v = w.timestampPath().select(effective);
      Instant at = v.isTextual() ? Timestamps.parse(v.asText()).orElse(null) : null;
      if (at == null) throw StatesError.runtime("The TimestampPath parameter does not reference a valid ISO-8601 timestamp: " + v);
      until = at.toEpochMilli();
    }
    f.effective = effective;
    f.phase = Frame.Phase.WAITING;
    f.wakeAt = Math.max(until, f.enteredAt);
    run.schedule(f, f.wakeAt, ExecutionRun.Timer.WAKE);
  }

  void waitElapsed(Frame f) {
    Definition.State s = run.state(f);
    run.exit(f, DataFlow.outputPath(s.common().outputPath(), f.effective), null);
  }

  private void fail(Frame f, Definition.Fail s) {
    JsonNode context = ContextObject.of(run.record(), f, null);
    String error = s.errorPath() != null ? dynamicText(s.errorPath(), f, context, "ErrorPath") : s.error();
    String cause = s.causePath() != null ? dynamicText(s.causePath(), f, context, "CausePath") : s.cause();
    run.frameFailed(f, error, cause);
  }

  private static String dynamicText(String expression, Frame f, JsonNode context, String field) {
    JsonNode v = PayloadTemplate.evaluate(expression, field, f.input, context);
    if (!v.isTextual()) throw StatesError.runtime("The " + field + " of a Fail state must select a string, not " + v);
    return v.asText();
  }
}
