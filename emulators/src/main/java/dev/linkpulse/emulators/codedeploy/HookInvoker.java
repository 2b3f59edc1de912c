package dev.linkpulse.emulators.codedeploy;

/**
 * Port: invokes a lifecycle hook function. CodeDeploy invokes hooks asynchronously (Lambda's {@code Event}
 * invocation type) with {@code {"DeploymentId": ..., "LifecycleEventHookExecutionId": ...}}; the function reports
 * its verdict later through {@code PutLifecycleEventHookExecutionStatus}.
 *
 * <p>Called without the engine's lock, so an implementation may run the hook at once and let it report from inside
 * this call. It should still hand long work off: it runs on a timeline task or a request thread. A thrown exception
 * (no such function, invocation refused) fails the lifecycle event; an error inside the hook is invisible here, as
 * on AWS, and shows only as a report that never comes.
 */
@FunctionalInterface
public interface HookInvoker {
  /** Invokes {@code functionName} (as the AppSpec names it: a name or an ARN) with the JSON {@code event}. */
  void invoke(String functionName, String event);
}
