package dev.linkpulse.ops.deploy;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.LambdaTarget;

/**
 * Follows one deployment through CodeDeploy (GetDeployment, its Lambda target's lifecycle events and weight) and its
 * group's alarms through CloudWatch, printing a line for each change: the shift, each hook, the alarm states, the
 * outcome, and then the rollback's. Whatever ran the deployment, a local stack or AWS, reads the same.
 */
final class DeploymentFollower {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final Set<String> ENDED = Set.of("Succeeded", "Failed", "Stopped");
  private final CodeDeployClient codeDeploy;
  private final CloudWatchClient cloudWatch;
  private final PrintWriter out;
  private final Duration poll;
  private final Map<String, String> seen = new LinkedHashMap<>();

  DeploymentFollower(CodeDeployClient codeDeploy, CloudWatchClient cloudWatch, PrintWriter out, Duration poll) {
    this.codeDeploy = codeDeploy;
    this.cloudWatch = cloudWatch;
    this.out = out;
    this.poll = poll;
  }

  /** Prints {@code id}'s progress until it ends (and its rollback, if one starts); returns its final status. */
  String follow(String id, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    DeploymentInfo info = codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    List<String> alarms = codeDeploy.getDeploymentGroup(r -> r.applicationName(info.applicationName())
        .deploymentGroupName(info.deploymentGroupName())).deploymentGroupInfo().alarmConfiguration().alarms().stream().map(a -> a.name()).toList();
    String status;
    while (true) {
      DeploymentInfo now = codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
      status = now.statusAsString();
      target(id);
      alarmStates(id, alarms);
      if (ENDED.contains(status)) break;
      if (Instant.now().isAfter(deadline)) throw new IllegalStateException("deployment " + id + " still " + status + " after " + timeout);
      Thread.sleep(poll.toMillis());
    }
    DeploymentInfo done = codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    String error = done.errorInformation() == null ? "" : ": " + done.errorInformation().codeAsString() + " " + done.errorInformation().message();
    line(id, status + error);
    String rollback = done.rollbackInfo() == null ? null : done.rollbackInfo().rollbackDeploymentId();
    if (rollback != null) {
      line(id, "rolled back by " + rollback);
      String rolledBack = follow(rollback, timeout);
      line(rollback, "rollback " + rolledBack.toLowerCase(Locale.ROOT));
    }
    return status;
  }

  private void target(String id) {
    List<String> targets;
    try {
      targets = codeDeploy.listDeploymentTargets(r -> r.deploymentId(id)).targetIds();
    } catch (DeploymentNotStartedException e) {
      return; // created, not yet started (ListDeploymentTargets' documented error): no target to show yet
    }
    for (String targetId : targets) {
      LambdaTarget lambda = codeDeploy.getDeploymentTarget(r -> r.deploymentId(id).targetId(targetId)).deploymentTarget().lambdaTarget();
      if (lambda == null) continue;
      var fn = lambda.lambdaFunctionInfo();
      if (fn != null && fn.targetVersionWeight() != null) {
        changed(id, "weight", String.format(Locale.ROOT, "traffic: %s:%s %s -> %s, %.0f%% on %s", fn.functionName(), fn.functionAlias(),
            fn.currentVersion(), fn.targetVersion(), fn.targetVersionWeight() * 100, fn.targetVersion()));
      }
      lambda.lifecycleEvents().forEach(e -> changed(id, e.lifecycleEventName(), e.lifecycleEventName() + ": " + e.statusAsString()
          + (e.diagnostics() == null || e.diagnostics().message() == null ? "" : " (" + e.diagnostics().message() + ")")));
    }
  }

  private void alarmStates(String id, List<String> alarms) {
    if (alarms.isEmpty()) return;
    Map<String, String> states = new java.util.TreeMap<>();
    var described = cloudWatch.describeAlarms(r -> r.alarmNames(alarms).alarmTypes(AlarmType.COMPOSITE_ALARM, AlarmType.METRIC_ALARM));
    described.metricAlarms().forEach(a -> states.put(a.alarmName(), a.stateValueAsString()));
    described.compositeAlarms().forEach(a -> states.put(a.alarmName(), a.stateValueAsString()));
    alarms.forEach(a -> states.putIfAbsent(a, "missing"));
    changed(id, "alarms", "alarms: " + states);
  }

  private void changed(String id, String key, String text) {
    if (text.equals(seen.put(id + "/" + key, text))) return;
    line(id, text);
  }

  private void line(String id, String text) {
    out.println(TIME.format(Instant.now()) + "  " + id + "  " + text);
    out.flush();
  }
}
