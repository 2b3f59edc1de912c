package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.aws.AwsOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "approve", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation approve hello", "  ./linkpulse moderation approve hello --reason \"known partner site\""},
    description = {"Approves a link in review: sends its task token back, and the saga activates it."})
final class ApproveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ModerationTarget target;

  @Parameters(paramLabel = "CODE", description = "The link's code")
  String code;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the execution's history; default: approved by a reviewer)")
  String reason = "approved by a reviewer";

  @Override
  public Integer call() {
    Sagas.checkedCode(code);
    return ModerationCommand.run(spec, aws, target, sagas -> {
      sagas.decide(code, true, reason);
      spec.commandLine().getOut().println("approved " + code + ": the saga activates it");
      spec.commandLine().getOut().flush();
      return 0;
    });
  }
}
