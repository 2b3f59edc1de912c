package dev.linkpulse.emulators.codedeploy;

import java.util.List;

/**
 * SAM's {@code DeploymentPreference.Type} names and the CodeDeploy deployment configurations they stand for: SAM
 * lists {@code Canary10Percent5Minutes}, ..., {@code Linear10PercentEvery1Minute}, ..., {@code AllAtOnce}, and each
 * is the predefined configuration {@code CodeDeployDefault.Lambda<Type>}.
 */
public final class SamDeploymentPreference {
  private static final String PREFIX = "CodeDeployDefault.Lambda";

  private SamDeploymentPreference() {}

  /** The SAM type names this emulator knows, sorted. */
  public static List<String> types() {
    return LambdaDeploymentConfig.predefinedNames().stream().map(n -> n.substring(PREFIX.length())).toList();
  }

  /**
   * The CodeDeploy configuration for a SAM type, e.g. {@code Canary10Percent5Minutes} to
   * {@code CodeDeployDefault.LambdaCanary10Percent5Minutes}; a name already in that form is returned as is.
   *
   * @throws IllegalArgumentException for a name that is neither, naming the known types
   */
  public static String deploymentConfigName(String type) {
    if (type == null || type.isBlank()) throw new IllegalArgumentException("DeploymentPreference Type is empty; known: " + types());
    String name = type.startsWith(PREFIX) ? type : PREFIX + type;
    if (LambdaDeploymentConfig.predefined(name).isEmpty()) {
      String hint = types().stream().filter(t -> t.equalsIgnoreCase(type.trim())).findFirst()
          .map(t -> " (did you mean " + t + "?)").orElse("");
      throw new IllegalArgumentException("Unknown DeploymentPreference Type '" + type + "'" + hint + "; known: " + types());
    }
    return name;
  }
}
