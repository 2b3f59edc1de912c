package dev.linkpulse.emulators.codedeploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment configuration of the Lambda compute platform: how traffic moves from the current version to the
 * target version. Only AWS's predefined configurations exist here (the user guide's table "Predefined deployment
 * configurations for an AWS Lambda compute platform").
 */
record LambdaDeploymentConfig(String name, String type, int percentage, int intervalMinutes) {
  static final String ALL_AT_ONCE = "AllAtOnce";
  static final String CANARY = "TimeBasedCanary";
  static final String LINEAR = "TimeBasedLinear";
  /** What a Lambda deployment group uses when neither it nor the deployment names a configuration. */
  static final String DEFAULT_NAME = "CodeDeployDefault.LambdaAllAtOnce";

  /** One traffic shift: at {@code offset} after traffic shifting starts, the target version gets {@code percent}. */
  record Step(Duration offset, int percent) {}

  private static final Map<String, LambdaDeploymentConfig> PREDEFINED = predefined();

  private static Map<String, LambdaDeploymentConfig> predefined() {
    Map<String, LambdaDeploymentConfig> all = new LinkedHashMap<>();
    all.put(DEFAULT_NAME, new LambdaDeploymentConfig(DEFAULT_NAME, ALL_AT_ONCE, 100, 0));
    for (int minutes : new int[] {5, 10, 15, 30}) {
      String name = "CodeDeployDefault.LambdaCanary10Percent" + minutes + "Minutes";
      all.put(name, new LambdaDeploymentConfig(name, CANARY, 10, minutes));
    }
    for (int minutes : new int[] {1, 2, 3, 10}) {
      String name = "CodeDeployDefault.LambdaLinear10PercentEvery" + minutes + (minutes == 1 ? "Minute" : "Minutes");
      all.put(name, new LambdaDeploymentConfig(name, LINEAR, 10, minutes));
    }
    return Map.copyOf(all);
  }

  static Optional<LambdaDeploymentConfig> predefined(String name) {
    return Optional.ofNullable(PREDEFINED.get(name));
  }

  static List<String> predefinedNames() {
    return PREDEFINED.keySet().stream().sorted().toList();
  }

  /**
   * The traffic shifts, in order; the last one gives the target version all traffic.
   * <ul>
   *   <li>All-at-once: "All traffic is shifted ... all at once": one step of 100% at once.</li>
   *   <li>Canary: "Traffic is shifted in two increments": {@code percentage} at once, the rest
   *       {@code intervalMinutes} later.</li>
   *   <li>Linear: "Traffic is shifted in equal increments with an equal number of minutes between each
   *       increment": {@code percentage} at once, and {@code percentage} more every {@code intervalMinutes}
   *       until 100% (ten increments of 10%, nine intervals between them).</li>
   * </ul>
   */
  List<Step> schedule() {
    Duration interval = Duration.ofMinutes(intervalMinutes);
    return switch (type) {
      case CANARY -> List.of(new Step(Duration.ZERO, percentage), new Step(interval, 100));
      case LINEAR -> linear(interval);
      default -> List.of(new Step(Duration.ZERO, 100));
    };
  }

  private List<Step> linear(Duration interval) {
    List<Step> steps = new ArrayList<>();
    for (int k = 0; k * percentage < 100; k++) {
      steps.add(new Step(interval.multipliedBy(k), Math.min(100, (k + 1) * percentage)));
    }
    return List.copyOf(steps);
  }
}
