package dev.linkpulse.deploy.hooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What every CodeDeploy hook does with its event ({@code DeploymentId}, {@code LifecycleEventHookExecutionId}): run
 * its check and report Succeeded or Failed. Every outcome is reported, a crash of the check included: a hook that
 * reports nothing holds the deployment until CodeDeploy's hook timeout (an hour on AWS).
 */
abstract class LifecycleHook implements RequestHandler<Map<String, Object>, String> {
  private static final Logger LOG = Logger.getLogger(LifecycleHook.class.getName());

  private final Check check;
  private final StatusReporter reporter;

  LifecycleHook(Check check, StatusReporter reporter) {
    this.check = check;
    this.reporter = reporter;
  }

  @Override
  public final String handleRequest(Map<String, Object> event, Context context) {
    String deploymentId = required(event, "DeploymentId");
    String executionId = required(event, "LifecycleEventHookExecutionId");
    Verdict verdict;
    try {
      verdict = check.run();
    } catch (Exception e) {
      verdict = Verdict.fail(getClass().getSimpleName() + " crashed: " + e);
    }
    LOG.info(deploymentId + " " + getClass().getSimpleName() + ": " + (verdict.passed() ? "Succeeded: " : "Failed: ") + verdict.reason());
    reporter.report(deploymentId, executionId, verdict.passed());
    return verdict.passed() ? "Succeeded" : "Failed";
  }

  private static String required(Map<String, Object> event, String name) {
    Object v = event == null ? null : event.get(name);
    if (v == null || String.valueOf(v).isBlank()) throw new IllegalArgumentException("hook event without " + name + ": " + event);
    return String.valueOf(v);
  }
}
