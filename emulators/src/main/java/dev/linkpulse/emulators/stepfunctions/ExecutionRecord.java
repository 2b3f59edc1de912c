package dev.linkpulse.emulators.stepfunctions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An execution as it is stored: what DescribeExecution shows, the definition it runs (a later update of the
 * machine does not change a started execution), and its live frames. Guarded by its {@link ExecutionRun}'s lock.
 */
final class ExecutionRecord {
  enum Status { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }

  String executionArn;
  String stateMachineArn;
  String stateMachineName;
  String name;
  String roleArn;
  String definition;
  String input;
  Status status = Status.RUNNING;
  long startDate;
  Long stopDate;
  String output;
  String error;
  String cause;
  Long timeoutAt;
  long eventCount;
  long frameCounter;
  Map<String, Frame> frames = new LinkedHashMap<>();
}
