package dev.linkpulse.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code linkpulse} command: run the local stack and operate the pipeline. */
@Command(name = "linkpulse", mixinStandardHelpOptions = true, version = "linkpulse 0.1.0",
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse up",
        "  ./linkpulse token alice",
        "  ./linkpulse dlq list",
        "  ./linkpulse help bench"},
    description = "Run Linkpulse locally and operate it.",
    subcommands = {UpCommand.class, EnvCommand.class, TokenCommand.class, FaultsCommand.class, dev.linkpulse.ops.dlq.DlqCommand.class, dev.linkpulse.ops.bench.BenchCommand.class, dev.linkpulse.ops.slo.SloCommand.class, dev.linkpulse.ops.slo.DrillCommand.class, dev.linkpulse.ops.load.LoadCommand.class, dev.linkpulse.ops.moderation.ModerationCommand.class, dev.linkpulse.ops.deploy.DeployCommand.class, dev.linkpulse.ops.fuzz.FuzzCommand.class, dev.linkpulse.ops.chaos.ChaosCommand.class, CommandLine.HelpCommand.class})
public final class Linkpulse {
  /** Bad input: a one-line reason, exit code 2, nothing changed. */
  public static final int USAGE = 2;
  /** The heading of every command's examples, which close its --help. */
  public static final String EXAMPLES = "%nExamples:%n";

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Linkpulse());
    completeHelp(cli, cli.getCommandSpec().version());
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

  /**
   * What annotations cannot say once for the whole tree: every command's --version prints the CLI's, and picocli's
   * own help commands get an example (they carry none).
   */
  private static void completeHelp(CommandLine command, String[] version) {
    command.getSubcommands().values().stream().distinct().forEach(sub -> {
      sub.getCommandSpec().version(version);
      if (sub.getCommand() instanceof CommandLine.HelpCommand) {
        String parent = command.getCommandSpec().qualifiedName(" ").replaceFirst("^linkpulse", "./linkpulse");
        String other = command.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).findFirst().orElse("");
        sub.getCommandSpec().usageMessage().footerHeading(EXAMPLES).footer("  " + parent + " help " + other);
      } else {
        completeHelp(sub, version);
      }
    });
  }
}
