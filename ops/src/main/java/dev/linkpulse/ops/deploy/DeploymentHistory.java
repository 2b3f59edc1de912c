package dev.linkpulse.ops.deploy;

import dev.linkpulse.ops.UsageError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.LambdaTarget;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;

/**
 * Reads a stack's deployments from CodeDeploy. SAM names the stack's application
 * {@code <stack>-ServerlessDeploymentApplication-<suffix>} and each function's group
 * {@code <stack>-<Function>DeploymentGroup-<suffix>}; the local stack uses the same names without suffixes.
 */
final class DeploymentHistory {
  static final String APPLICATION = "ServerlessDeploymentApplication";
  static final String GROUP = "DeploymentGroup";

  private final CodeDeployClient codeDeploy;

  DeploymentHistory(CodeDeployClient codeDeploy) {
    this.codeDeploy = codeDeploy;
  }

  String application(String stack) {
    List<String> apps = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var page = codeDeploy.listApplications(r -> r.nextToken(next));
      page.applications().stream().filter(a -> a.startsWith(stack + "-" + APPLICATION)).forEach(apps::add);
      token = page.nextToken();
    } while (token != null);
    if (apps.isEmpty()) throw new UsageError("stack " + stack + " has no CodeDeploy application (" + stack + "-" + APPLICATION + "...)");
    if (apps.size() > 1) throw new UsageError("more than one application matches stack " + stack + ": " + apps);
    return apps.get(0);
  }

  /** The function a group deploys: the logical id between the stack prefix and "DeploymentGroup". */
  static String function(String stack, String group) {
    String rest = group.startsWith(stack + "-") ? group.substring(stack.length() + 1) : group;
    int at = rest.indexOf(GROUP);
    return at > 0 ? rest.substring(0, at) : rest;
  }

  /** The newest {@code limit} deployments of each group (of {@code function} only, when given), newest first. */
  List<DeploymentRecord> recent(String stack, String function, int limit) {
    String app = application(stack);
    List<DeploymentRecord> out = new ArrayList<>();
    for (String group : codeDeploy.listDeploymentGroups(r -> r.applicationName(app)).deploymentGroups()) {
      String fn = function(stack, group);
      if (function != null && !function.equals(fn)) continue;
      List<String> ids = codeDeploy.listDeployments(r -> r.applicationName(app).deploymentGroupName(group)).deployments();
      List<DeploymentRecord> records = new ArrayList<>();
      for (String id : ids) records.add(record(fn, codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo()));
      records.sort(Comparator.comparing(DeploymentRecord::created).reversed());
      out.addAll(records.subList(0, Math.min(limit, records.size())));
    }
    return out;
  }

  private DeploymentRecord record(String function, DeploymentInfo d) {
    String errorCode = d.errorInformation() == null ? null : d.errorInformation().codeAsString();
    String message = d.errorInformation() == null ? null : d.errorInformation().message();
    var rollback = d.rollbackInfo();
    return new DeploymentRecord(d.deploymentId(), function, d.statusAsString(), d.createTime(), d.completeTime(),
        errorCode, message,
        rollback == null ? null : rollback.rollbackTriggeringDeploymentId(), rollback == null ? null : rollback.rollbackDeploymentId(),
        steps(d.deploymentId()), DeploymentRecord.activatedAlarms(errorCode, message));
  }

  private List<DeploymentRecord.LifecycleStep> steps(String deploymentId) {
    List<String> targets = codeDeploy.listDeploymentTargets(r -> r.deploymentId(deploymentId)).targetIds();
    if (targets.isEmpty()) return List.of();
    List<DeploymentRecord.LifecycleStep> steps = new ArrayList<>();
    for (var target : codeDeploy.batchGetDeploymentTargets(r -> r.deploymentId(deploymentId).targetIds(targets)).deploymentTargets()) {
      LambdaTarget lambda = target.lambdaTarget();
      if (lambda == null) continue;
      for (LifecycleEvent e : lambda.lifecycleEvents()) {
        steps.add(new DeploymentRecord.LifecycleStep(e.lifecycleEventName(), e.statusAsString(), e.startTime(), e.endTime(),
            e.diagnostics() == null ? null : e.diagnostics().message()));
      }
    }
    return steps;
  }
}
