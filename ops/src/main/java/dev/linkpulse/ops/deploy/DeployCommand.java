package dev.linkpulse.ops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/** {@code linkpulse deploy}: canary deployments of the stack's functions, and what stopped them. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse deploy RedirectFunction",
        "  ./linkpulse deploy RedirectFunction --env LINKPULSE_DRILL_5XX_SHARE=0.2      (a faulty version: the fast-burn alarm rolls it back)",
        "  ./linkpulse deploy RecorderFunction --env LINKPULSE_DRILL_DROP_FIELD=utm --type AllAtOnce   (PostTraffic fails it)",
        "  ./linkpulse deploy RedirectFunction --speed 60   (on ./linkpulse up --speed 60: the 5-minute canary takes 5 s)",
        "  ./linkpulse deploy status --stack linkpulse",
        "  ./linkpulse deploy status --stack linkpulse --function RedirectFunction --limit 3"},
    description = {
        "With FUNCTION: deploy a new version of it on the running local stack (./linkpulse up) as CodeDeploy does:",
        "the stack publishes the version (its own artifact, by default the function's rebuilt jar; --env on top of",
        "its environment), shifts its alias as the DeploymentPreference says, runs the template's hooks against it,",
        "watches its alarms as the stack's CloudWatch evaluates them, and flips back on an alarm or a failed hook.",
        "This command follows the deployment through CodeDeploy and CloudWatch and prints each step. Exit 0 when it",
        "succeeded, 1 when it was stopped or failed. LINKPULSE_DRILL_* variables make a deliberately faulty version.",
        "AWS access: the standard credential and region chains (--profile); --codedeploy-endpoint-url and",
        "--cloudwatch-endpoint-url (or $AWS_ENDPOINT_URL_CODEDEPLOY / $AWS_ENDPOINT_URL_CLOUDWATCH) point at another endpoint."},
    subcommands = {StatusCommand.class})
public final class DeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;

  @Parameters(arity = "0..1", paramLabel = "FUNCTION", description = "The function to deploy (its logical id in template.yaml)")
  String function;

  @Option(names = "--jar", paramLabel = "PATH", description = "The new version's artifact (default: the function's own CodeUri jar)")
  Path jar;

  @Option(names = "--env", paramLabel = "K=V", description = "An environment variable of the new version (repeatable)")
  List<String> env;

  @Option(names = "--type", paramLabel = "TYPE", description = "SAM DeploymentPreference type (default: the template's), e.g. Canary10Percent5Minutes")
  String type;

  @Option(names = "--speed", paramLabel = "N", converter = dev.linkpulse.ops.SpeedConverter.class,
      description = "The speed the stack's clock runs at (./linkpulse up --speed N): the deployment's waits, bake times and alarm periods "
          + "run N times faster than the wall clock. A stack at another speed refuses the deploy (default: the stack's speed)")
  Double speed;

  @Option(names = "--api-url", paramLabel = "URL",
      description = "The stack's HTTP API; its CodeDeploy and CloudWatch then come from the endpoint options (default: the running stack's)")
  URI api;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (function == null) {
      spec.commandLine().usage(out);
      return Linkpulse.USAGE;
    }
    aws.validate();
    var variables = RehearseCommand.pairs(env, "--env");
    if (jar != null && !Files.isRegularFile(jar)) throw new dev.linkpulse.ops.UsageError("--jar " + jar + " is not a file");
    JsonNode live = api == null ? RehearseCommand.liveEnvironment() : null;
    URI base = api != null ? api : URI.create(live.path("LINKPULSE_API").asText());
    try (CodeDeployClient codeDeploy = live == null ? aws.codeDeploy()
            : aws.at(CodeDeployClient.builder(), "CODEDEPLOY", URI.create(live.path("AWS_ENDPOINT_URL_CODEDEPLOY").asText())).build();
        CloudWatchClient cloudWatch = live == null ? aws.cloudWatch()
            : aws.at(CloudWatchClient.builder(), "CLOUDWATCH", URI.create(live.path("AWS_ENDPOINT_URL_CLOUDWATCH").asText())).build()) {
      return RehearseCommand.run(out, base, codeDeploy, cloudWatch, function, new RehearseCommand.Version(jar, variables, type, speed));
    }
  }
}
