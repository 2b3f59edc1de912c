package dev.linkpulse.emulators.apigateway;

/**
 * Told of every request the HTTP API routed (not the gateway's own built-in paths), once answered: its status and
 * how long the gateway took, as API Gateway's {@code Count}, {@code 4xx}, {@code 5xx} and {@code Latency} see it.
 */
@FunctionalInterface
public interface RequestListener {
  void answered(int status, long latencyNanos);
}
