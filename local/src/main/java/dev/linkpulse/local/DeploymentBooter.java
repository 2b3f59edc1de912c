package dev.linkpulse.local;

import java.util.Map;
import java.util.Set;

/**
 * Canary deployments of the template's functions (their {@code DeploymentPreference}) on a local CodeDeploy that
 * watches the alarms the stack's CloudWatch evaluates; its admin route starts one on the running stack. After the
 * monitoring booter, whose alarm states and Lambda metrics it uses.
 */
final class DeploymentBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of();
  }

  @Override
  public void start(Boot boot) throws Exception {
    String stack = boot.resolver.string(Map.of("Ref", "AWS::StackName"));
    boot.deployments = boot.closing(new LocalDeployments(boot.template, boot.resolver, stack, boot.versions, boot.functions, boot.timeline,
        boot.monitoring::alarmStates, boot.monitoring.lambdaMetrics()));
    boot.gateway.serve(DeploymentRoutes.PATH, new DeploymentRoutes(boot.deployments));
  }
}
