package dev.linkpulse.emulators.codedeploy;

import java.time.Instant;
import java.util.Map;

/** Something a deployment did, as a {@link DeploymentListener} sees it. Times are the engine's timeline. */
public sealed interface DeploymentEvent {
  String deploymentId();

  Instant at();

  /** The deployment left {@code Created}: the Start lifecycle event ran. */
  record Started(String deploymentId, Instant at, String functionName, String alias, String currentVersion,
      String targetVersion, String deploymentConfigName, String creator) implements DeploymentEvent {}

  /** A hook function was invoked for {@code lifecycleEvent} (BeforeAllowTraffic or AfterAllowTraffic). */
  record HookStarted(String deploymentId, Instant at, String lifecycleEvent, String functionName,
      String lifecycleEventHookExecutionId) implements DeploymentEvent {}

  /** A hook reached a verdict: {@code Succeeded}, or {@code Failed} with the reason in {@code message}. */
  record HookFinished(String deploymentId, Instant at, String lifecycleEvent, String functionName, String status,
      String message) implements DeploymentEvent {}

  /** The alias now routes by {@code weights} (version to share). */
  record TrafficShifted(String deploymentId, Instant at, String functionName, String alias,
      Map<String, Double> weights) implements DeploymentEvent {}

  /** The monitored alarms were read and at least one state differs from the previous reading. */
  record AlarmStates(String deploymentId, Instant at, Map<String, String> states) implements DeploymentEvent {}

  /** {@code rollbackDeploymentId} returned the alias to {@code version}, or failed to ({@code succeeded} false). */
  record RolledBack(String deploymentId, Instant at, String rollbackDeploymentId, String version, boolean succeeded)
      implements DeploymentEvent {}

  /** The outcome: {@code Succeeded}, {@code Failed} or {@code Stopped}, with AWS's error code and message. */
  record Finished(String deploymentId, Instant at, String status, String errorCode, String errorMessage)
      implements DeploymentEvent {}
}
