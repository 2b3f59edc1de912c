package dev.linkpulse.ops.moderation;

import dev.linkpulse.core.links.Link;
import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

@Command(name = "list", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation list", "  ./linkpulse moderation list --all"},
    description = {"The links moderation holds or refused: pending, in review and rejected, newest execution first, "
        + "with their reasons and the state of their latest execution (the last " + Sagas.MAX_EXECUTIONS + " executions are read)."})
final class ListCommand extends SagaCommand {
  @Option(names = "--all", description = "Active links too")
  boolean all;

  @Override
  void run(Sagas sagas, PrintWriter out) {
    Map<String, ExecutionListItem> latest = new LinkedHashMap<>();
    for (ExecutionListItem e : sagas.executions()) {
      String code = sagas.input(e.executionArn()).path("link").path("code").asText("");
      if (!code.isEmpty()) latest.putIfAbsent(code, e);
    }
    String format = "%-20s  %-10s  %-10s  %-24s  %s%n";
    out.printf(format, "CODE", "STATUS", "EXECUTION", "STARTED", "REASON");
    int shown = 0;
    for (var entry : latest.entrySet()) {
      var link = sagas.links().find(entry.getKey());
      if (link.isEmpty() || (!all && link.get().status() == Link.Status.ACTIVE)) continue;
      out.printf(format, entry.getKey(), link.get().status().name().toLowerCase(Locale.ROOT), entry.getValue().statusAsString(),
          entry.getValue().startDate(), link.get().reason() == null ? "-" : link.get().reason());
      shown++;
    }
    if (shown == 0) out.println("(no links held by moderation)");
  }
}
