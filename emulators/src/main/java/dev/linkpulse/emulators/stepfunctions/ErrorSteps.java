package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;

/** What happens when a state fails: its governing retrier backs off and retries, else a catcher moves on, else the branch fails. */
final class ErrorSteps {
  private final ExecutionRun run;
  private TaskSteps tasks;
  private BranchSteps branches;

  ErrorSteps(ExecutionRun run) {
    this.run = run;
  }

  void bind(TaskSteps tasks, BranchSteps branches) {
    this.tasks = tasks;
    this.branches = branches;
  }

  void handle(Frame f, String error, String cause) {
    String name = error == null ? "" : error;
    Definition.State s = run.state(f);
    Definition.Processing p = s instanceof Definition.Pass ? null : StateParsers.processing(s);
    if (p == null) {
      run.frameFailed(f, name, cause);
      return;
    }
    Optional<Integer> retrier = ErrorRules.retrierFor(p.retry(), name);
    if (retrier.isPresent()) {
      int i = retrier.get();
      if (f.retries.length < p.retry().size()) f.retries = Arrays.copyOf(f.retries, p.retry().size());
      Definition.Retrier r = p.retry().get(i);
      if (f.retries[i] < r.maxAttempts()) {
        f.retries[i]++;
        f.retryCount++;
        f.seq++;
        f.phase = Frame.Phase.RETRY_WAIT;
        f.wakeAt = run.now() + ErrorRules.delay(r, f.retries[i], run.engine().random()).toMillis();
        run.schedule(f, f.wakeAt, ExecutionRun.Timer.WAKE);
        return;
      }
    }
    Optional<Definition.Catcher> catcher = ErrorRules.catcherFor(p.catchers(), name);
    if (catcher.isEmpty()) {
      run.frameFailed(f, name, cause);
      return;
    }
    ObjectNode errorOutput = Json.object();
    errorOutput.put("Error", name);
    if (cause != null) errorOutput.put("Cause", cause);
    try {
      run.exit(f, DataFlow.resultPath(catcher.get().resultPath(), f.input, errorOutput), catcher.get().next());
    } catch (StatesError e) {
      run.frameFailed(f, e.error(), e.cause());
    }
  }

  /** The backoff has passed: a Task runs a new attempt, a Parallel or Map runs all its branches again. */
  void retryNow(Frame f) {
    if (run.state(f) instanceof Definition.Task) tasks.attempt(f);
    else branches.start(f);
  }
}
