package dev.linkpulse.core;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A function's configuration, read from its environment.
 *
 * <p>In Lambda this is simply {@code System.getenv()}. The local stack runs many functions in one JVM, each with
 * the environment its template entry declares, so it constructs each handler inside {@link #scoped}: handlers read
 * their configuration in their constructor, which therefore sees that function's variables and no other's.
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

  public static int getInt(String name, int fallback) {
    return find(name).map(Integer::parseInt).orElse(fallback);
  }

  /** Runs {@code body} (typically a handler constructor) with {@code variables} layered over the process environment. */
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
