package dev.linkpulse.emulators.codedeploy;

import java.util.Map;

/**
 * Port: sets the routing of a Lambda alias, the way CodeDeploy updates an alias's routing configuration while it
 * shifts traffic. The local stack implements it on its function aliases.
 *
 * <p>Called with the engine's lock held, on the engine's thread: it must return once the routing is in effect and
 * must not call the CodeDeploy endpoint. A thrown exception fails the deployment.
 */
@FunctionalInterface
public interface TrafficShifter {
  /**
   * Routes {@code alias} of {@code functionName} by {@code weights}: version to share of invocations, shares in
   * (0, 1] summing to 1. One entry means the alias points at that version alone.
   */
  void route(String functionName, String alias, Map<String, Double> weights);
}
