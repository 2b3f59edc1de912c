package dev.linkpulse.ops.dlq;

import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** What the dlq commands share. */
final class Commands {
  /** Exit code of a run in which AWS failed, or some message could not be handled. */
  static final int FAILED = 1;

  private Commands() {}

  /** An AWS call failed (not bad input): one line on stderr, exit 1. */
  static int awsFailure(CommandSpec spec, SdkException e) {
    String reason = e instanceof AwsServiceException s && s.awsErrorDetails() != null
        ? s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage()
        : e.getMessage();
    spec.commandLine().getErr().println("linkpulse " + spec.qualifiedName(" ").replaceFirst("^linkpulse ", "") + ": " + Selector.oneLine(reason));
    spec.commandLine().getErr().flush();
    return FAILED;
  }
}
