package dev.linkpulse.ops.dlq;

import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code linkpulse dlq ...} in-process against a local stack, with stdout and stderr captured. */
final class Cli {
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  private final StackExtension<LocalStack> stack;

  Cli(StackExtension<LocalStack> stack) {
    this.stack = stack;
  }

  /** {@code dlq <args>}, pointed at the stack with --endpoint-url and --dynamodb-endpoint-url. */
  Run dlq(String... args) {
    List<String> all = new ArrayList<>(List.of("dlq"));
    all.addAll(Arrays.asList(args));
    all.addAll(List.of("--endpoint-url", stack.stack().sqsEndpoint(), "--dynamodb-endpoint-url", stack.stack().dynamoEndpoint()));
    Run run = raw(all.toArray(String[]::new));
    // the transcript, for the test log
    System.out.println("$ linkpulse " + String.join(" ", all.subList(0, all.size() - 4)) + "\n" + run);
    return run;
  }

  /** Exactly these arguments, no endpoints added. */
  static Run raw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
