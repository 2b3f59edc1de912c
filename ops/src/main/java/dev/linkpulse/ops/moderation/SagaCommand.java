package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A moderation subcommand that works on the deployment's sagas: its own options are checked by {@link #validate}
 * before any client is built; then it runs ({@link ModerationCommand#run}) and exits 0 unless it throws.
 */
abstract class SagaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ModerationTarget target;

  /** Checks the command's own input (bad input is a {@link dev.linkpulse.ops.UsageError}); nothing by default. */
  void validate() {}

  /** Does the command's work, printing what it found or did to {@code out}. */
  abstract void run(Sagas sagas, PrintWriter out);

  @Override
  public final Integer call() {
    validate();
    return ModerationCommand.run(spec, aws, target, sagas -> {
      PrintWriter out = spec.commandLine().getOut();
      run(sagas, out);
      out.flush();
      return 0;
    });
  }
}
