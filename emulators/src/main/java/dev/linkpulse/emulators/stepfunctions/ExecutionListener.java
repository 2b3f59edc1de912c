package dev.linkpulse.emulators.stepfunctions;

import java.time.Duration;

/**
 * Told when an execution starts and when it ends, as Step Functions' own {@code AWS/States} metrics see it
 * (ExecutionsStarted; ExecutionsSucceeded, ExecutionsFailed, ExecutionsTimedOut, ExecutionsAborted and ExecutionTime,
 * dimension StateMachineArn). Called under the execution's lock, on an engine thread: keep it short.
 */
public interface ExecutionListener {
  ExecutionListener NONE = new ExecutionListener() {};

  default void started(String stateMachineArn) {}

  /** @param status SUCCEEDED, FAILED, TIMED_OUT or ABORTED */
  default void ended(String stateMachineArn, String status, Duration ran) {}
}
