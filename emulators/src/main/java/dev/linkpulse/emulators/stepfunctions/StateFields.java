package dev.linkpulse.emulators.stepfunctions;

import java.util.Map;
import java.util.Set;

/** Which fields each state type takes in JSONPath mode, and the fields the engine refuses with a reason. */
final class StateFields {
  private static final Set<String> FLOW = Set.of("Next", "End");
  private static final Set<String> DATA = Set.of("InputPath", "OutputPath");
  static final Map<String, Set<String>> ALLOWED = Map.of(
      "Pass", union(FLOW, DATA, Set.of("ResultPath", "Parameters", "Result")),
      "Task", union(FLOW, DATA, Set.of("ResultPath", "Parameters", "ResultSelector", "Retry", "Catch", "Resource",
          "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath")),
      "Choice", union(DATA, Set.of("Choices", "Default")),
      "Wait", union(FLOW, DATA, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")),
      "Succeed", DATA,
      "Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"),
      "Parallel", union(FLOW, DATA, Set.of("ResultPath", "Parameters", "ResultSelector", "Retry", "Catch", "Branches")),
      "Map", union(FLOW, DATA, Set.of("ResultPath", "Parameters", "ItemSelector", "ResultSelector", "Retry", "Catch",
          "ItemsPath", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath")));
  static final Set<String> EVERY_STATE = Set.of("Type", "Comment", "QueryLanguage");

  /** Fields of AWS's ASL the engine knows but cannot run: refused loudly rather than ignored. */
  static final Map<String, String> REFUSED = Map.of(
      "Arguments", "Arguments belongs to JSONata, which the local engine does not support; use Parameters",
      "Output", "Output belongs to JSONata, which the local engine does not support; use OutputPath/ResultSelector",
      "Items", "Items belongs to JSONata, which the local engine does not support; use ItemsPath",
      "Condition", "Condition belongs to JSONata, which the local engine does not support; use Variable and a comparison",
      "Assign", "workflow variables (Assign) are not supported by the local engine; pass data in the state input",
      "Credentials", "cross-account Credentials are not supported by the local engine",
      "ItemReader", "a distributed Map (ItemReader) is not supported by the local engine; use an inline Map",
      "ItemBatcher", "a distributed Map (ItemBatcher) is not supported by the local engine; use an inline Map",
      "ResultWriter", "a distributed Map (ResultWriter) is not supported by the local engine; use an inline Map",
      "Label", "a distributed Map (Label) is not supported by the local engine; use an inline Map");
  static final Set<String> DISTRIBUTED_ONLY = Set.of("ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
      "ToleratedFailureCount", "ToleratedFailureCountPath");

  private StateFields() {}

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Set<String> s : sets) out.addAll(s);
    return Set.copyOf(out);
  }

  static boolean hasFlow(String type) {
    return ALLOWED.get(type).contains("Next");
  }
}
