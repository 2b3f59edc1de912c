package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

@Command(name = "show", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation show hello"},
    description = {"A link's moderation executions, newest first, each with its history: every event's time, type, state and error."})
final class ShowCommand extends LinkCommand {
  @Override
  void run(Sagas sagas, PrintWriter out) {
    for (var e : sagas.executionsOf(code)) {
      out.printf("%s  %s  started %s%s%n", e.name(), e.statusAsString(), e.startDate(), e.stopDate() == null ? "" : ", stopped " + e.stopDate());
      for (HistoryEvent h : sagas.sfn().getExecutionHistoryPaginator(r -> r.executionArn(e.executionArn())).events()) {
        out.printf("  %4d  %s  %-28s %s%n", h.id(), h.timestamp(), h.typeAsString(), detail(h));
      }
    }
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
