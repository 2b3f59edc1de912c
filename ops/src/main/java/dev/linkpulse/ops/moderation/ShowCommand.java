package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

@Command(name = "show", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation show hello"},
    description = {"A link's moderation executions, newest first, each with its history: every event's time, type, state and error."})
final class ShowCommand implements Callable<Integer> {
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
      PrintWriter out = spec.commandLine().getOut();
      for (var e : executions) {
        out.printf("%s  %s  started %s%s%n", e.name(), e.statusAsString(), e.startDate(), e.stopDate() == null ? "" : ", stopped " + e.stopDate());
        for (HistoryEvent h : sagas.sfn().getExecutionHistoryPaginator(r -> r.executionArn(e.executionArn())).events()) {
          out.printf("  %4d  %s  %-28s %s%n", h.id(), h.timestamp(), h.typeAsString(), detail(h));
        }
      }
      out.flush();
      return 0;
    });
  }

  private static String detail(HistoryEvent h) {
    if (h.stateEnteredEventDetails() != null) return h.stateEnteredEventDetails().name();
    if (h.stateExitedEventDetails() != null) return h.stateExitedEventDetails().name();
    if (h.lambdaFunctionFailedEventDetails() != null) return h.lambdaFunctionFailedEventDetails().error() + ": " + h.lambdaFunctionFailedEventDetails().cause();
    if (h.taskFailedEventDetails() != null) return h.taskFailedEventDetails().error() + ": " + h.taskFailedEventDetails().cause();
    if (h.executionFailedEventDetails() != null) return h.executionFailedEventDetails().error() + ": " + h.executionFailedEventDetails().cause();
    if (h.taskTimedOutEventDetails() != null) return h.taskTimedOutEventDetails().error();
    return "";
  }
}
