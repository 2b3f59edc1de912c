package dev.linkpulse.emulators.stepfunctions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How Retry and Catch treat an error, from the developer guide's error-handling rules:
 * <ul>
 *   <li>{@code States.ALL} matches every error except the terminal {@code States.Runtime} and
 *       {@code States.DataLimitExceeded}, which only an explicit name catches;</li>
 *   <li>{@code States.TaskFailed} matches any error except timeouts (and those two terminal ones);</li>
 *   <li>{@code States.Timeout} also matches {@code States.HeartbeatTimeout} (a heartbeat timeout is a timeout);</li>
 *   <li>the first retrier whose ErrorEquals matches applies, even when its attempts are spent (the error then goes
 *       to Catch); each retrier counts its own attempts; MaxAttempts 0 never retries;</li>
 *   <li>the n-th retry waits {@code IntervalSeconds × BackoffRate^(n-1)}, capped at MaxDelaySeconds, and with
 *       JitterStrategy FULL a uniformly random time between 0 and that.</li>
 * </ul>
 */
final class ErrorRules {
  private ErrorRules() {}

  static boolean matches(List<String> errorEquals, String error) {
    for (String name : errorEquals) if (matches(name, error)) return true;
    return false;
  }

  private static boolean matches(String name, String error) {
    if (name.equals(error)) return true;
    boolean terminal = error.equals(StatesError.RUNTIME) || error.equals(StatesError.DATA_LIMIT_EXCEEDED);
    boolean timeout = error.equals(StatesError.TIMEOUT) || error.equals(StatesError.HEARTBEAT_TIMEOUT);
    return switch (name) {
      case StatesError.ALL -> !terminal;
      case StatesError.TASK_FAILED -> !terminal && !timeout;
      case StatesError.TIMEOUT -> error.equals(StatesError.HEARTBEAT_TIMEOUT);
      default -> false;
    };
  }

  /** The index of the retrier that governs {@code error}, if one matches. */
  static Optional<Integer> retrierFor(List<Definition.Retrier> retriers, String error) {
    for (int i = 0; i < retriers.size(); i++) if (matches(retriers.get(i).errorEquals(), error)) return Optional.of(i);
    return Optional.empty();
  }

  static Optional<Definition.Catcher> catcherFor(List<Definition.Catcher> catchers, String error) {
    return catchers.stream().filter(c -> matches(c.errorEquals(), error)).findFirst();
  }

  /** The wait before retry number {@code retry} (1 for the first retry); {@code random} gives [0, 1). */
  static Duration delay(Definition.Retrier r, int retry, DoubleSupplier random) {
    BigDecimal seconds = BigDecimal.valueOf(r.intervalSeconds()).multiply(r.backoffRate().pow(retry - 1, MathContext.DECIMAL64));
    if (r.maxDelaySeconds() != null) seconds = seconds.min(BigDecimal.valueOf(r.maxDelaySeconds()));
    // AWS caps every interval at a year; so do we, which also keeps the arithmetic in range.
    seconds = seconds.min(BigDecimal.valueOf(31_622_400));
    if (r.jitter() == Definition.Jitter.FULL) seconds = seconds.multiply(BigDecimal.valueOf(random.getAsDouble()));
    return Duration.ofMillis(seconds.movePointRight(3).longValue());
  }
}
