package dev.linkpulse.ops.moderation;

import dev.linkpulse.core.Env;
import dev.linkpulse.ops.UsageError;
import picocli.CommandLine.Option;

/** Which deployment a moderation command works on: its table and its moderation state machine. */
final class ModerationTarget {
  @Option(names = "--table", paramLabel = "NAME", description = "The app's table (default: $LINKPULSE_TABLE, which ./linkpulse env sets)")
  String table;

  @Option(names = "--state-machine", paramLabel = "ARN|NAME",
      description = "The moderation state machine (default: the one state machine whose name contains Moderation)")
  String stateMachine;

  String table() {
    String name = table != null ? table : Env.find("LINKPULSE_TABLE").orElseThrow(
        () -> new UsageError("no table: pass --table or run eval \"$(./linkpulse env)\" first"));
    if (!name.matches("[A-Za-z0-9_.-]{3,255}")) throw new UsageError("--table '" + name + "' is not a DynamoDB table name");
    return name;
  }
}
