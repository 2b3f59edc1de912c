package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parsed, checked state machine: its states as records, with every path, template, intrinsic and resource
 * compiled. Nested machines (Parallel branches, a Map's ItemProcessor) are {@link Machine}s too, each with the id
 * the interpreter uses to find it again after a restart.
 */
final class Definition {
  private Definition() {}

  /** A machine: the root one, a Parallel branch ({@code /Par/0}) or a Map processor ({@code /Map}). */
  record Machine(String id, String startAt, Map<String, State> states, Integer timeoutSeconds) {
    State state(String name) {
      State s = states.get(name);
      if (s == null) throw new IllegalStateException("no state " + name + " in machine " + id);
      return s;
    }
  }

  /** InputPath, OutputPath or ResultPath: absent means {@code $}; {@code null} in the definition means "discard". */
  record PathField(JsonPath path, boolean discard) {
    static final PathField ROOT = new PathField(JsonPath.parse("$"), false);
    static final PathField DISCARD = new PathField(null, true);
  }

  /** What every state has: its name, where it is in the definition, and how it moves on. */
  record Common(String name, String type, String where, String next, boolean end, PathField inputPath, PathField outputPath) {}

  /** The data flow and error handling shared by Task, Parallel, Map (and, without Retry/Catch, Pass). */
  record Processing(PathField resultPath, PayloadTemplate parameters, PayloadTemplate resultSelector, List<Retrier> retry, List<Catcher> catchers) {}

  enum Jitter { NONE, FULL }

  record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, BigDecimal backoffRate, Integer maxDelaySeconds, Jitter jitter) {}

  record Catcher(List<String> errorEquals, String next, PathField resultPath) {}

  /** A number of seconds written as a literal or as a path into the effective input. */
  record Seconds(Integer fixed, JsonPath path) {}

  sealed interface State permits Pass, Task, Choice, Wait, Succeed, Fail, Parallel, MapState {
    Common common();

    default String name() {
      return common().name();
    }
  }

  record Pass(Common common, Processing processing, JsonNode result) implements State {}

  record Task(Common common, Processing processing, TaskResource resource, Seconds timeout, Seconds heartbeat) implements State {}

  record Choice(Common common, List<ChoiceRule.Branch> choices, String defaultNext) implements State {}

  /** Exactly one of the four is set. */
  record Wait(Common common, Integer seconds, String timestamp, JsonPath secondsPath, JsonPath timestampPath) implements State {}

  record Succeed(Common common) implements State {}

  /** {@code errorPath}/{@code causePath} are a reference path or an intrinsic call. */
  record Fail(Common common, String error, String cause, String errorPath, String causePath) implements State {}

  record Parallel(Common common, Processing processing, List<Machine> branches) implements State {}

  record MapState(Common common, Processing processing, Machine processor, JsonPath itemsPath, Integer maxConcurrency, JsonPath maxConcurrencyPath) implements State {}
}
