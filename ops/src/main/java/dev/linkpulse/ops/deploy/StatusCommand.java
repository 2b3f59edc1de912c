package dev.linkpulse.ops.deploy;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

@Command(name = "status", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse deploy status --stack linkpulse",
        "  ./linkpulse deploy status --stack linkpulse --function RecorderFunction --limit 1"},
    description = {
        "The stack's recent deployments, per function: status, each lifecycle event (hooks and traffic shifts) with",
        "its outcome, rollbacks, and the alarms that stopped a deployment with their state in CloudWatch."})
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;

  @Option(names = "--stack", required = true, paramLabel = "NAME", description = "The stack (its CodeDeploy application is <stack>-ServerlessDeploymentApplication...)")
  String stack;

  @Option(names = "--function", paramLabel = "LOGICAL_ID", description = "Only this function's deployments (e.g. RedirectFunction)")
  String function;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "Deployments per function, newest first (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  public Integer call() {
    aws.validate();
    if (limit < 1 || limit > 100) throw new UsageError("--limit must be 1 to 100, not " + limit);
    if (!stack.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) throw new UsageError("--stack '" + stack + "' is not a stack name");
    PrintWriter out = spec.commandLine().getOut();
    try (CodeDeployClient codeDeploy = aws.codeDeploy(); CloudWatchClient cloudWatch = aws.cloudWatch()) {
      List<DeploymentRecord> deployments = new DeploymentHistory(codeDeploy).recent(stack, function, limit);
      List<String> alarms = new ArrayList<>();
      Instant lastStop = null;
      for (DeploymentRecord d : deployments) {
        d.activatedAlarms().stream().filter(a -> !alarms.contains(a)).forEach(alarms::add);
        if (!d.activatedAlarms().isEmpty() && (lastStop == null || (d.completed() != null && d.completed().isAfter(lastStop)))) lastStop = d.completed();
      }
      Map<String, AlarmFacts.Fact> facts = new AlarmFacts(cloudWatch).read(alarms, lastStop);
      StatusReport.print(out, stack, deployments, facts);
      out.flush();
      return 0;
    } catch (SdkException e) {
      spec.commandLine().getErr().println("linkpulse: AWS refused or could not be reached: " + e.getMessage());
      return 1;
    }
  }
}
