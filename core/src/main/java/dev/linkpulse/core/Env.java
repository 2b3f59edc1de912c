package dev.linkpulse.core;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A function's configuration, read from its environment: {@code System.getenv()}, in Lambda and in the local stack
 * alike (the stack gives each function its own environment by pointing the function's {@code System.getenv} at it;
 * see docs/local-functions.md). An empty value counts as unset.
 *
 * <p>{@link #scoped} layers variables over the process environment on one thread, for tests that run code reading
 * its configuration (the CLI) in-process.
 */
public final class Env {
  private static final ThreadLocal<Map<String, String>> OVERRIDES = new ThreadLocal<>();

  private Env() {}

  public static Optional<String> find(String name) {
    Map<String, String> scoped = OVERRIDES.get();
    String value = scoped != null && scoped.containsKey(name) ? scoped.get(name) : System.getenv(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  public static String require(String name) {
    return find(name).orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
  }

  public static String get(String name, String fallback) {
    return find(name).orElse(fallback);
  }

  /** A number the deployment must set (the template does): read, not restated here as a fallback. */
  public static int requireInt(String name) {
    String value = require(name);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("environment variable " + name + " is not a whole number: " + value, e);
    }
  }

  public static int getInt(String name, int fallback) {
    return find(name).map(Integer::parseInt).orElse(fallback);
  }

  /** Runs {@code body} with {@code variables} layered over the process environment, on this thread only. */
  public static <T> T scoped(Map<String, String> variables, Supplier<T> body) {
    Map<String, String> previous = OVERRIDES.get();
    OVERRIDES.set(Map.copyOf(variables));
    try {
      return body.get();
    } finally {
      if (previous == null) OVERRIDES.remove(); else OVERRIDES.set(previous);
    }
  }
}
