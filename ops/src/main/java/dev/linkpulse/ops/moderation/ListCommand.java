package dev.linkpulse.ops.moderation;

import dev.linkpulse.core.links.Link;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

@Command(name = "list", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation list", "  ./linkpulse moderation list --all"},
    description = {"The links moderation holds or refused: pending, in review and rejected, newest execution first, "
        + "with their reasons and the state of their latest execution (the last " + Sagas.MAX_EXECUTIONS + " executions are read)."})
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ModerationTarget target;

  @Option(names = "--all", description = "Active links too")
  boolean all;

  @Override
  public Integer call() {
    return ModerationCommand.run(spec, aws, target, sagas -> {
      PrintWriter out = spec.commandLine().getOut();
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
      out.flush();
      return 0;
    });
  }
}
