package dev.linkpulse.ops.moderation;

import dev.linkpulse.core.Json;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

@Command(name = "retry", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation retry hello"},
    description = {"Restarts a link's failed saga: the link goes back to pending and a new execution "
        + "(<code>-<incarnation>-retry-<n>) starts with the failed one's input. Only a failed, timed-out or aborted "
        + "latest execution can be retried."})
final class RetryCommand extends LinkCommand {
  static final Set<ExecutionStatus> RETRIABLE = Set.of(ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT, ExecutionStatus.ABORTED);

  @Override
  void run(Sagas sagas, PrintWriter out) {
    var executions = sagas.executionsOf(code);
    var latest = executions.get(0);
    if (!RETRIABLE.contains(latest.status())) throw new UsageError(code + "'s saga is " + latest.statusAsString() + ", not failed: nothing to retry");
    var input = sagas.input(latest.executionArn());
    String incarnation = input.path("link").path("incarnation").asText();
    if (!sagas.links().reopen(code, incarnation)) {
      throw new UsageError(code + " was not refused by a failed moderation (deleted, created again, or decided): nothing to retry");
    }
    String name = code + "-" + incarnation + "-retry-" + executions.size();
    var started = sagas.sfn().startExecution(r -> r.stateMachineArn(sagas.machineArn()).name(name).input(Json.write(input)));
    out.println("started " + name + " (" + started.executionArn() + ")");
  }
}
