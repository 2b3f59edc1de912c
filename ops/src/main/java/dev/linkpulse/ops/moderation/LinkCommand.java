package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A moderation subcommand about one link: its code is checked, and its own options by {@link #validate}, before any
 * client is built; then it runs on the deployment's sagas ({@link ModerationCommand#run}) and exits 0 unless it
 * throws.
 */
abstract class LinkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ModerationTarget target;

  @Parameters(paramLabel = "CODE", description = "The link's code")
  String code;

  /** Checks the command's own options (bad input is a {@link dev.linkpulse.ops.UsageError}); nothing by default. */
  void validate() {}

  /** Does the command's work on the link {@link #code}, printing what it did to {@code out}. */
  abstract void run(Sagas sagas, PrintWriter out);

  @Override
  public final Integer call() {
    Sagas.checkedCode(code);
    validate();
    return ModerationCommand.run(spec, aws, target, sagas -> {
      PrintWriter out = spec.commandLine().getOut();
      run(sagas, out);
      out.flush();
      return 0;
    });
  }
}
