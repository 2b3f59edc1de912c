package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "approve", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation approve hello", "  ./linkpulse moderation approve hello --reason \"known partner site\""},
    description = {"Approves a link in review: sends its task token back, and the saga activates it."})
final class ApproveCommand extends LinkCommand {
  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the execution's history; default: approved by a reviewer)")
  String reason = "approved by a reviewer";

  @Override
  void run(Sagas sagas, PrintWriter out) {
    sagas.decide(code, true, reason);
    out.println("approved " + code + ": the saga activates it");
  }
}
