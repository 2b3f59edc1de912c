package dev.linkpulse.ops.moderation;

import picocli.CommandLine.Parameters;

/** A moderation subcommand about one link, whose code is checked before anything else. */
abstract class LinkCommand extends SagaCommand {
  @Parameters(paramLabel = "CODE", description = "The link's code")
  String code;

  /** Checks the code; a command with options of its own checks them after calling this. */
  @Override
  void validate() {
    Sagas.checkedCode(code);
  }
}
