package dev.linkpulse.deploy.hooks;

/** Where a hook reports its lifecycle event's outcome: CodeDeploy's PutLifecycleEventHookExecutionStatus. */
interface StatusReporter {
  void report(String deploymentId, String executionId, boolean succeeded);
}
