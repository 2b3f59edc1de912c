package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.ops.aws.AwsOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reject", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation reject hello --reason \"credential phishing\""},
    description = {"Rejects a link in review: sends its task token back with the reason, which the owner sees; the saga "
        + "rejects the link, releases its quota and publishes link.rejected."})
final class RejectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ModerationTarget target;

  @Parameters(paramLabel = "CODE", description = "The link's code")
  String code;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, in one line the owner will see")
  String reason;

  @Override
  public Integer call() {
    Sagas.checkedCode(code);
    if (reason.isBlank()) throw new UsageError("--reason must say why");
    return ModerationCommand.run(spec, aws, target, sagas -> {
      sagas.decide(code, false, reason);
      spec.commandLine().getOut().println("rejected " + code + ": " + reason);
      spec.commandLine().getOut().flush();
      return 0;
    });
  }
}
