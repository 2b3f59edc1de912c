package dev.linkpulse.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.cloudwatch.LocalCloudWatch;
import dev.linkpulse.emulators.codedeploy.CodeDeployEmulator;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/**
 * {@code deploy status} against a local CodeDeploy and CloudWatch, through the real clients: a canary stopped by its
 * fast-burn alarm shows the stop, its lifecycle events, the rollback and the alarm's state and history.
 */
class DeployStatusCommandTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final String STACK = "drill";
  static final String APP = STACK + "-ServerlessDeploymentApplication-1A2B";
  static final String GROUP = STACK + "-RedirectFunctionDeploymentGroup-3C4D";
  static final String ALARM = STACK + "-redirect-availability-fast-burn";

  final ManualTimeline time = new ManualTimeline(T0);
  LocalCloudWatch cloudWatchServer;
  CodeDeployEmulator codeDeployServer;
  CloudWatchClient cloudWatch;
  CodeDeployClient codeDeploy;

  @BeforeEach
  void start() throws Exception {
    cloudWatchServer = LocalCloudWatch.builder().timeline(time).port(0).start();
    cloudWatch = client(CloudWatchClient.builder(), cloudWatchServer.endpoint());
    codeDeployServer = CodeDeployEmulator.builder().timeline(time).trafficShifter((fn, alias, weights) -> {})
        .hookInvoker(this::passHook).alarmReader(this::alarmStates).port(0).start();
    codeDeploy = client(CodeDeployClient.builder(), codeDeployServer.endpoint());
  }

  @AfterEach
  void stop() {
    codeDeploy.close();
    cloudWatch.close();
    codeDeployServer.close();
    cloudWatchServer.close();
  }

  @Test
  void aCanaryStoppedByItsAlarmShowsTheStopTheHooksTheRollbackAndTheAlarm() {
    cloudWatch.putMetricAlarm(r -> r.alarmName(ALARM).namespace("Linkpulse").metricName("ServerErrors").statistic(Statistic.SUM)
        .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
    codeDeploy.createApplication(r -> r.applicationName(APP).computePlatform(ComputePlatform.LAMBDA));
    codeDeploy.createDeploymentGroup(r -> r.applicationName(APP).deploymentGroupName(GROUP)
        .serviceRoleArn("arn:aws:iam::000000000000:role/CodeDeploy").deploymentConfigName("CodeDeployDefault.LambdaCanary10Percent5Minutes")
        .alarmConfiguration(a -> a.enabled(true).alarms(x -> x.name(ALARM)))
        .autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")));
    String id = codeDeploy.createDeployment(r -> r.applicationName(APP).deploymentGroupName(GROUP).revision(rev -> rev
        .revisionType(RevisionLocationType.APP_SPEC_CONTENT).appSpecContent(c -> c.content(appSpec())))).deploymentId();
    time.runDue();
    time.advance(Duration.ofSeconds(30));
    cloudWatch.setAlarmState(r -> r.alarmName(ALARM).stateValue(StateValue.ALARM).stateReason("drill: 20% of redirects answer 5xx"));
    time.advance(CodeDeployEmulator.DEFAULT_ALARM_POLL_INTERVAL);
    time.advance(Duration.ofSeconds(1));

    StringWriter out = new StringWriter();
    int exit = run(out, "deploy", "status", "--stack", STACK, "--codedeploy-endpoint-url", codeDeployServer.endpoint().toString(),
        "--cloudwatch-endpoint-url", cloudWatchServer.endpoint().toString(), "--region", "us-east-1");
    String text = out.toString();
    assertThat(exit).as(text).isZero();
    assertThat(text).contains("RedirectFunction").contains(id + " ").contains("Stopped").contains("ALARM_ACTIVE")
        .contains("rolled back by").contains("rollback of " + id)
        .contains("BeforeAllowTraffic").contains("Succeeded").contains("stopped by alarm " + ALARM + ": now ALARM")
        .contains("runbooks/canary-rolled-back.md");
  }

  @Test
  void aStackWithoutAnApplicationIsBadInput() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("deploy", "status", "--stack", "nothere", "--codedeploy-endpoint-url", codeDeployServer.endpoint().toString(),
        "--cloudwatch-endpoint-url", cloudWatchServer.endpoint().toString(), "--region", "us-east-1");
    assertThat(exit).isEqualTo(Linkpulse.USAGE);
    assertThat(err.toString()).contains("nothere has no CodeDeploy application");
  }

  private int run(StringWriter out, String... args) {
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }

  /** The hook reports Succeeded from its own thread, as a real hook would after its check. */
  private void passHook(String function, String event) {
    JsonNode e = Json.read(event, JsonNode.class);
    new Thread(() -> codeDeploy.putLifecycleEventHookExecutionStatus(r -> r.deploymentId(e.path("DeploymentId").asText())
        .lifecycleEventHookExecutionId(e.path("LifecycleEventHookExecutionId").asText()).status(LifecycleEventStatus.SUCCEEDED))).start();
  }

  private Map<String, String> alarmStates(Collection<String> names) {
    Map<String, String> states = new LinkedHashMap<>();
    cloudWatch.describeAlarms(r -> r.alarmNames(names)).metricAlarms().forEach(a -> states.put(a.alarmName(), a.stateValueAsString()));
    return states;
  }

  private static String appSpec() {
    return "version: 0.0\nResources:\n  - redirect:\n      Type: AWS::Lambda::Function\n      Properties:\n"
        + "        Name: drill-RedirectFunction\n        Alias: live\n        CurrentVersion: 1\n        TargetVersion: 2\n"
        + "Hooks:\n  - BeforeAllowTraffic: CodeDeployHook_drill_redirect_pre\n";
  }

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
      & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
    return builder.endpointOverride(endpoint).region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
  }
}
