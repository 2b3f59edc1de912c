package dev.linkpulse.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code linkpulse} command: run the local stack and operate the pipeline. */
@Command(name = "linkpulse", mixinStandardHelpOptions = true, version = "linkpulse 0.1.0",
    description = "Run Linkpulse locally and operate it.",
    subcommands = {UpCommand.class, EnvCommand.class, TokenCommand.class, FaultsCommand.class, dev.linkpulse.ops.dlq.DlqCommand.class, dev.linkpulse.ops.bench.BenchCommand.class, dev.linkpulse.ops.slo.SloCommand.class, dev.linkpulse.ops.load.LoadCommand.class, CommandLine.HelpCommand.class})
public final class Linkpulse {
  /** Bad input: a one-line reason, exit code 2, nothing changed. */
  public static final int USAGE = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Linkpulse());
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("linkpulse: " + ex.getMessage() + " (see --help)");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UsageError usage) {
        commandLine.getErr().println("linkpulse: " + usage.getMessage());
        return USAGE;
      }
      throw ex;
    });
    return cli;
  }
}
