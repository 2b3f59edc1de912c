package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One running branch of an execution: the root, a Parallel branch or a Map iteration. Everything the interpreter
 * needs to go on after a restart is here, so a frame is persisted as it is (plain fields, read by Jackson).
 * Guarded by the lock of its {@link ExecutionRun}.
 */
final class Frame {
  enum Phase { ENTER, RUNNING, TOKEN_WAIT, RETRY_WAIT, WAITING, CHILDREN }

  String id;
  String parentId;
  int index;
  String machineId;
  String state;
  /** The state's raw input, before InputPath. */
  JsonNode input;
  /** The effective input after InputPath (and Parameters for Parallel/Map), kept across retries and waits. */
  JsonNode effective;
  Phase phase = Phase.ENTER;
  /** Bumped at every new phase: a timer, task result or token that carries an older value is stale. */
  long seq;
  int[] retries = new int[0];
  int retryCount;
  long enteredAt;
  Long wakeAt;
  String token;
  Long timeoutAt;
  Long heartbeatAt;
  Integer heartbeatSeconds;
  long lastEventId;
  List<String> children = new ArrayList<>();
  ArrayNode results;
  int remaining;
  /** Map: the items and the next one to start, for MaxConcurrency. */
  ArrayNode items;
  int nextItem;
  int concurrency;

  Frame() {}

  Frame(String id, String parentId, int index, String machineId, String state, JsonNode input) {
    this.id = id;
    this.parentId = parentId;
    this.index = index;
    this.machineId = machineId;
    this.state = state;
    this.input = input;
  }
}
