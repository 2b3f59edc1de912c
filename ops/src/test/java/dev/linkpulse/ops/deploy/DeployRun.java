package dev.linkpulse.ops.deploy;

import dev.linkpulse.local.LocalStack;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.testkit.StackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One {@code linkpulse deploy ...} run against a test's stack (its API, CodeDeploy and CloudWatch endpoints): exit code and output. */
record DeployRun(int exit, String out, String err) {
  static DeployRun of(StackExtension<LocalStack> stack, String... args) {
    List<String> all = new ArrayList<>(List.of("deploy"));
    all.addAll(List.of(args));
    all.addAll(List.of("--api-url", stack.api(), "--codedeploy-endpoint-url", stack.stack().environment().get("AWS_ENDPOINT_URL_CODEDEPLOY"),
        "--cloudwatch-endpoint-url", stack.stack().environment().get("AWS_ENDPOINT_URL_CLOUDWATCH")));
    CommandLine cli = Linkpulse.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(all.toArray(String[]::new));
    System.out.println(out);
    System.out.println(err);
    return new DeployRun(exit, out.toString(), err.toString());
  }
}
