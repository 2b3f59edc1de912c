package dev.linkpulse.ops.deploy;

import java.time.Instant;
import java.util.List;

/** One deployment of a function's alias, as CodeDeploy tells it: its outcome, its lifecycle events, its stop. */
record DeploymentRecord(String id, String function, String status, Instant created, Instant completed, String errorCode,
    String errorMessage, String rollbackOf, String rolledBackBy, List<LifecycleStep> steps, List<String> activatedAlarms) {

  /** One lifecycle event of the deployment's Lambda target (BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic, ...). */
  record LifecycleStep(String name, String status, Instant start, Instant end, String diagnostics) {}

  private static final String ACTIVATED = "Activated alarms: ";

  /**
   * The alarms an {@code ALARM_ACTIVE} stop names: CodeDeploy's message lists them after "Activated alarms:".
   */
  static List<String> activatedAlarms(String errorCode, String message) {
    if (!"ALARM_ACTIVE".equals(errorCode) || message == null || !message.contains(ACTIVATED)) return List.of();
    String names = message.substring(message.indexOf(ACTIVATED) + ACTIVATED.length()).trim();
    if (names.endsWith(".")) names = names.substring(0, names.length() - 1);
    return List.of(names.split(",\\s*")).stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
  }
}
