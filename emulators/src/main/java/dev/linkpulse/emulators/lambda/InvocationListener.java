package dev.linkpulse.emulators.lambda;

/**
 * Told of every invocation of a function when it ends, as Lambda's own metrics see it: how long the handler ran, and
 * whether the invocation failed (a function error: the handler threw, or a failure was injected). The local stack
 * publishes {@code AWS/Lambda} Invocations, Errors and Duration from it. Called on the invoking thread: keep it short.
 */
@FunctionalInterface
public interface InvocationListener {
  void invoked(String function, long durationNanos, boolean error);
}
