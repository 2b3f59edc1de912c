package dev.linkpulse.emulators.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alias's routing between published versions, as CodeDeploy sets it ({@code {"1": 0.9, "2": 0.1}}): each
 * invocation goes to one version, in the given shares. Smooth weighted round robin rather than a random draw, so 10%
 * is one invocation in ten exactly and a test can count.
 */
public final class AliasRouting {
  private final Map<String, LocalFunction> versions;
  private final Map<String, Double> weights;
  private final Map<String, Double> credit = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException when a weighted version is not published, a weight is outside [0, 1], or the
   *     weights do not add up to 1 (what Lambda's UpdateAlias refuses)
   */
  public AliasRouting(Map<String, LocalFunction> versions, Map<String, Double> weights) {
    double sum = 0;
    for (var e : weights.entrySet()) {
      if (!versions.containsKey(e.getKey())) throw new IllegalArgumentException("version " + e.getKey() + " is not published: " + versions.keySet());
      if (e.getValue() < 0 || e.getValue() > 1) throw new IllegalArgumentException("weight of version " + e.getKey() + " is not in [0, 1]: " + e.getValue());
      sum += e.getValue();
    }
    if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("weights must add up to 1, not " + sum + ": " + weights);
    this.versions = Map.copyOf(versions);
    this.weights = new LinkedHashMap<>(weights);
    weights.keySet().forEach(v -> credit.put(v, 0.0));
  }

  public Map<String, Double> weights() {
    return Map.copyOf(weights);
  }

  /** The version the next invocation goes to. */
  public synchronized LocalFunction pick() {
    String best = null;
    for (var e : weights.entrySet()) {
      credit.merge(e.getKey(), e.getValue(), Double::sum);
      if (best == null || credit.get(e.getKey()) > credit.get(best)) best = e.getKey();
    }
    credit.merge(best, -1.0, Double::sum);
    return versions.get(best);
  }
}
