package dev.linkpulse.emulators.stepfunctions;

/** A consistent snapshot of an execution for DescribeExecution and ListExecutions. */
record ExecutionView(String executionArn, String stateMachineArn, String name, ExecutionRecord.Status status, long startDate,
    Long stopDate, String input, String output, String error, String cause) {
  static ExecutionView of(ExecutionRecord r) {
    return new ExecutionView(r.executionArn, r.stateMachineArn, r.name, r.status, r.startDate, r.stopDate, r.input, r.output, r.error, r.cause);
  }
}
