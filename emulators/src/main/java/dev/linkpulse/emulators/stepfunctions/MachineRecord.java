package dev.linkpulse.emulators.stepfunctions;

/** A state machine as it is stored and described. Immutable: an update stores a new record. */
record MachineRecord(String stateMachineArn, String name, String definition, String roleArn, String type, long creationDate) {}
