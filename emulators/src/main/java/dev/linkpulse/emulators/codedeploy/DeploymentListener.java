package dev.linkpulse.emulators.codedeploy;

/**
 * Sees a deployment move, to print its progress. Events of one engine arrive one at a time, in the order they
 * happened, on the engine's thread with its lock held: print and return; never call the CodeDeploy endpoint from
 * here. An exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface DeploymentListener {
  void on(DeploymentEvent event);
}
