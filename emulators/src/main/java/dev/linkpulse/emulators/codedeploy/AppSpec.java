package dev.linkpulse.emulators.codedeploy;

import java.util.Map;
import java.util.Optional;

/**
 * A Lambda AppSpec: the one function the deployment shifts ({@code Resources}: Name, Alias, CurrentVersion,
 * TargetVersion) and its validation hooks ({@code Hooks}: lifecycle event to function).
 */
record AppSpec(String functionName, String alias, String currentVersion, String targetVersion,
    Map<LifecycleEventName, String> hooks) {
  AppSpec {
    hooks = Map.copyOf(hooks);
  }

  Optional<String> hook(LifecycleEventName event) {
    return Optional.ofNullable(hooks.get(event));
  }

  /** The same function and alias, shifted back: what an automatic rollback deploys, without hooks. */
  AppSpec reversed() {
    return new AppSpec(functionName, alias, targetVersion, currentVersion, Map.of());
  }
}
