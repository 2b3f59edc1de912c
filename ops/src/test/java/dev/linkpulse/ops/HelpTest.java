package dev.linkpulse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Every command of the CLI, found by walking picocli's command tree, answers --help usefully. */
class HelpTest {
  /** A command and the words that reach it from {@code linkpulse}. */
  record Command(List<String> path, CommandSpec spec) {
    @Override
    public String toString() {
      return String.join(" ", path);
    }
  }

  static Stream<Command> everyCommand() {
    List<Command> all = new ArrayList<>();
    walk(Linkpulse.commandLine(), List.of(), all);
    return all.stream();
  }

  private static void walk(CommandLine command, List<String> path, List<Command> out) {
    out.add(new Command(path, command.getCommandSpec()));
    command.getSubcommands().forEach((name, sub) -> {
      if (!name.equals(sub.getCommandName())) return; // an alias: the same command again
      List<String> deeper = new ArrayList<>(path);
      deeper.add(name);
      walk(sub, deeper, out);
    });
  }

  @ParameterizedTest(name = "linkpulse {0} --help")
  @MethodSource("everyCommand")
  void everyCommandAnswersHelpWithItsOptionsAndAnExampleAndExitsZero(Command command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(command.path());
    args.add("--help");

    int exit = cli.execute(args.toArray(String[]::new));

    String help = out.toString();
    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(help).contains("Usage: " + command.spec().qualifiedName(" "));
    for (OptionSpec option : command.spec().options()) {
      if (!option.hidden()) assertThat(help).as("option " + option.longestName()).contains(option.longestName());
    }
    for (PositionalParamSpec parameter : command.spec().positionalParameters()) {
      if (!parameter.hidden()) assertThat(help).as("parameter " + parameter.paramLabel()).contains(parameter.paramLabel());
    }
    assertThat(help).contains("Examples:");
    String invocation = ("./linkpulse " + command).trim();
    assertThat(help.substring(help.indexOf("Examples:")).lines().skip(1)).as("examples of " + invocation)
        .isNotEmpty().anyMatch(line -> line.contains(invocation));
  }

  /** All but picocli's help commands, which take -h alone. */
  static Stream<Command> everyCommandWithVersion() {
    return everyCommand().filter(c -> c.spec().options().stream().anyMatch(o -> o.longestName().equals("--version")));
  }

  @ParameterizedTest(name = "linkpulse {0} --version")
  @MethodSource("everyCommandWithVersion")
  void everyCommandPrintsTheCliVersion(Command command) {
    StringWriter out = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out, true));
    List<String> args = new ArrayList<>(command.path());
    args.add("--version");
    assertThat(cli.execute(args.toArray(String[]::new))).isZero();
    assertThat(out.toString()).isEqualTo("linkpulse 0.1.0" + System.lineSeparator());
  }

  @Test
  void theWalkReachesTheCommandsOfEveryLevel() {
    assertThat(everyCommandWithVersion().map(Command::toString)).doesNotContain("help", "slo help").hasSize(37);
    assertThat(everyCommand().map(Command::toString)).contains("", "up", "env", "token", "help", "dlq", "dlq list", "dlq peek",
        "dlq redrive", "dlq restore", "bench", "bench pipeline", "bench realtime", "slo", "slo render", "slo list", "slo status", "slo help",
        "moderation", "moderation list", "moderation show", "moderation approve", "moderation reject", "moderation retry",
        "moderation blocklist", "moderation blocklist add", "moderation blocklist remove", "moderation blocklist list", "deploy", "deploy status", "fuzz", "chaos");
  }
}
