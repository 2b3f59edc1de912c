package dev.linkpulse.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.DeployDrills;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.testkit.StackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code linkpulse deploy FUNCTION} on a running local stack (its own clock: real time), followed through the stack's
 * CodeDeploy and CloudWatch with the real clients: a good version succeeds, a recorder version that drops a field is
 * failed by its PostTraffic hook and rolled back, and bad input changes nothing.
 */
class DeployCommandTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token)
      .parameter("HookTimeoutSeconds", "60");

  record Run(int exit, String out, String err) {}

  static Run deploy(String... args) {
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
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aGoodVersionDeploysAllAtOnceAndTheCommandPrintsEachStep() {
    Run run = deploy("AggregatorFunction", "--type", "AllAtOnce");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Deploying AggregatorFunction", "BeforeAllowTraffic: Succeeded", "AllowTraffic: Succeeded",
        "AfterAllowTraffic: Succeeded", "traffic: AggregatorFunction:live 1 -> 2, 100% on 2", "alarms: {linkpulse-click-freshness-fast-burn=",
        "outcome: Succeeded");
  }

  @Test
  void aRecorderVersionThatDropsAFieldIsFailedByPostTrafficAndRolledBack() {
    Run run = deploy("RecorderFunction", "--env", DeployDrills.DROP_FIELD + "=utm", "--type", "AllAtOnce");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("BeforeAllowTraffic: Succeeded", "AfterAllowTraffic: Failed", "rolled back by",
        "rollback succeeded", "outcome: Failed");
  }

  @Test
  void badInputIsAUsageErrorAndDeploysNothing() {
    assertThat(deploy("NoSuchFunction").exit()).isEqualTo(Linkpulse.USAGE);
    assertThat(deploy("RedirectFunction", "--type", "Canary99Percent1Minute").exit()).isEqualTo(Linkpulse.USAGE);
    assertThat(deploy("RedirectFunction", "--env", "NOEQUALS").exit()).isEqualTo(Linkpulse.USAGE);
    var deployments = stack.stack().deployments();
    assertThat(deployments.client().listDeploymentGroups(r -> r.applicationName(deployments.application())).deploymentGroups())
        .noneMatch(group -> group.contains("RedirectFunction"));
    assertThatThrownBy(() -> deployments.version("RedirectFunction", "2")).hasMessageContaining("has no version 2");
  }

}
