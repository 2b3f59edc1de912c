package dev.linkpulse.ops.moderation;

import dev.linkpulse.core.Json;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.ops.aws.AwsOptions;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

@Command(name = "retry", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation retry hello"},
    description = {"Restarts a link's failed saga: the link goes back to pending and a new execution "
        + "(<code>-<incarnation>-retry-<n>) starts with the failed one's input. Only a failed, timed-out or aborted "
        + "latest execution can be retried."})
final class RetryCommand implements Callable<Integer> {
  static final Set<ExecutionStatus> RETRIABLE = Set.of(ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT, ExecutionStatus.ABORTED);

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ModerationTarget target;

  @Parameters(paramLabel = "CODE", description = "The link's code")
  String code;

  @Override
  public Integer call() {
    Sagas.checkedCode(code);
    return ModerationCommand.run(spec, aws, target, sagas -> {
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
      spec.commandLine().getOut().println("started " + name + " (" + started.executionArn() + ")");
      spec.commandLine().getOut().flush();
      return 0;
    });
  }
}
