package dev.linkpulse.emulators.lambda;

import java.util.Map;
import java.util.Objects;

/**
 * The process environment of one function, as its code sees it. Every function class loader defines its own copy
 * of this class, and {@link GetenvRedirect} points the function's calls to {@code System.getenv} here: so each
 * function, and every library it ships (the AWS SDK's region and credential chains, Powertools, X-Ray), reads the
 * variables its template entry and the Lambda runtime give it, and nothing of the JVM's own environment, exactly as
 * in a Lambda execution environment. The product needs no local-only API for it.
 *
 * <p>Public only because the copies live in other class loaders (other runtime packages): nothing calls it
 * directly but the rewritten bytecode and {@link ArtifactClassLoader}.
 */
public final class FunctionEnvironment {
  private static volatile Map<String, String> variables = Map.of();

  private FunctionEnvironment() {}

  /** Set once by the runtime, before any of the function's code runs. */
  public static void install(Map<String, String> environment) {
    variables = Map.copyOf(environment);
  }

  /** What {@code System.getenv(name)} answers in the function; null name throws as it does there. */
  public static String getenv(String name) {
    return variables.get(Objects.requireNonNull(name, "name"));
  }

  /** What {@code System.getenv()} answers in the function: an unmodifiable map. */
  public static Map<String, String> getenv() {
    return variables;
  }
}
