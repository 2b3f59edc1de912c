package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One deployment and everything GetDeployment and GetDeploymentTarget report about it; guarded by the engine's lock. */
final class Deployment {
  static final String CREATED = "Created";
  static final String IN_PROGRESS = "InProgress";
  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";
  static final String STOPPED = "Stopped";
  static final String BY_USER = "user";
  static final String BY_ROLLBACK = "codeDeployRollback";

  /** What the caller asked for, fixed at CreateDeployment (group defaults resolved, overrides applied). */
  record Plan(String applicationName, String groupName, LambdaDeploymentConfig config, AppSpec spec, JsonNode revision,
      String description, String creator, AlarmConfiguration alarms, boolean alarmsOverridden,
      AutoRollbackConfiguration autoRollback) {}

  record ErrorInformation(String code, String message) {}

  final String id;
  final long sequence;
  final Plan plan;
  final Instant createTime;
  final Map<LifecycleEventName, LifecycleEventState> events = new EnumMap<>(LifecycleEventName.class);
  final List<Timeline.Scheduled> timers = new ArrayList<>();
  String status = CREATED;
  Instant startTime;
  Instant completeTime;
  Instant trafficStart;
  ErrorInformation error;
  String targetStatus = LifecycleEventState.PENDING;
  /** The alias routing this deployment last set; empty until it shifts. */
  Map<String, Double> weights = Map.of();
  Map<String, String> lastAlarmStates = Map.of();
  String rollbackDeploymentId;
  String rollbackTriggeringDeploymentId;
  String rollbackMessage;

  Deployment(String id, long sequence, Plan plan, Instant createTime) {
    this.id = id;
    this.sequence = sequence;
    this.plan = plan;
    this.createTime = createTime;
    for (LifecycleEventName name : LifecycleEventName.values()) events.put(name, new LifecycleEventState(name));
  }

  LifecycleEventState event(LifecycleEventName name) {
    return events.get(name);
  }

  Optional<LifecycleEventState> eventByExecutionId(String executionId) {
    return events.values().stream().filter(e -> executionId.equals(e.executionId)).findFirst();
  }

  boolean completed() {
    return status.equals(SUCCEEDED) || status.equals(FAILED) || status.equals(STOPPED);
  }

  boolean started() {
    return !status.equals(CREATED);
  }

  AppSpec spec() {
    return plan.spec();
  }

  /** The share the alias gives the target version now (AWS's {@code targetVersionWeight}). */
  double targetWeight() {
    return weights.getOrDefault(plan.spec().targetVersion(), 0.0);
  }

  void cancelTimers() {
    timers.forEach(Timeline.Scheduled::cancel);
    timers.clear();
  }
}
