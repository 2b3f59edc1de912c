package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reject", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation reject hello --reason \"credential phishing\""},
    description = {"Rejects a link in review: sends its task token back with the reason, which the owner sees; the saga "
        + "rejects the link, releases its quota and publishes link.rejected."})
final class RejectCommand extends LinkCommand {
  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, in one line the owner will see")
  String reason;

  @Override
  void validate() {
    super.validate();
    if (reason.isBlank()) throw new UsageError("--reason must say why");
  }

  @Override
  void run(Sagas sagas, PrintWriter out) {
    sagas.decide(code, false, reason);
    out.println("rejected " + code + ": " + reason);
  }
}
