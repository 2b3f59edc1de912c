package dev.linkpulse.ops.deploy;

import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code linkpulse deploy}: canary deployments of the stack's functions, and what stopped them. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse deploy RedirectFunction --speed 60",
        "  ./linkpulse deploy RedirectFunction --speed 60 --alarm linkpulse-redirect-availability-fast-burn=ALARM",
        "  ./linkpulse deploy RecorderFunction --env CLICK_RETENTION_DAYS=45 --type AllAtOnce",
        "  ./linkpulse deploy status --stack linkpulse",
        "  ./linkpulse deploy status --stack linkpulse --function RedirectFunction --limit 3"},
    description = {
        "With FUNCTION: rehearse a deployment of it on a local stack of this command's own (free ports, in memory):",
        "publish a new version (its own artifact, by default the function's rebuilt jar; --env on top of its",
        "environment), then shift its alias as the DeploymentPreference says, run the template's hooks against it,",
        "watch its alarms (--alarm sets one once the canary share has shifted), and flip back on an alarm or a failed",
        "hook. Exit 0 when the deployment succeeded, 1 when it was stopped or failed.",
        "Canary deployments of the stack's functions (template.yaml DeploymentPreference): CodeDeploy shifts each",
        "function's alias to a new version, runs its hooks, watches its alarms, and rolls back on either.",
        "AWS access: the standard credential and region chains (--profile); --codedeploy-endpoint-url and",
        "--cloudwatch-endpoint-url (or $AWS_ENDPOINT_URL_CODEDEPLOY / $AWS_ENDPOINT_URL_CLOUDWATCH) point at another endpoint."},
    subcommands = {StatusCommand.class})
public final class DeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FUNCTION", description = "The function to deploy (its logical id in template.yaml)")
  String function;

  @Option(names = "--jar", paramLabel = "PATH", description = "The new version's artifact (default: the function's own CodeUri jar)")
  Path jar;

  @Option(names = "--env", paramLabel = "K=V", description = "An environment variable of the new version (repeatable)")
  List<String> env;

  @Option(names = "--type", paramLabel = "TYPE", description = "SAM DeploymentPreference type (default: the template's), e.g. Canary10Percent5Minutes")
  String type;

  @Option(names = "--speed", paramLabel = "N", defaultValue = "1", description = "Compress every wait N times (default: ${DEFAULT-VALUE})")
  double speed;

  @Option(names = "--alarm", paramLabel = "NAME=STATE", description = "Drill: set an alarm to STATE once the canary share has shifted (repeatable)")
  List<String> alarms;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (function == null) {
      spec.commandLine().usage(out);
      return Linkpulse.USAGE;
    }
    return RehearseCommand.run(out, function, jar, RehearseCommand.pairs(env, "--env"), type, speed, RehearseCommand.pairs(alarms, "--alarm"));
  }
}
