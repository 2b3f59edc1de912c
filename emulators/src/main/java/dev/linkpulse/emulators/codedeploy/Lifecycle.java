package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.AFTER_ALLOW_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.ALLOW_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.BEFORE_ALLOW_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.END;
import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.START;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda deployment's way forward, in the user guide's run order: Start, BeforeAllowTraffic (hook), AllowTraffic
 * (the configuration's traffic shifts), AfterAllowTraffic (hook), End. Every method runs under the engine's lock;
 * any failure hands the deployment to {@link Termination}.
 */
final class Lifecycle {
  /** Lambda's failure diagnostics reuse the script error codes: the hook is the script. */
  static final String HOOK_REPORTED_FAILED = "ScriptFailed";
  static final String HOOK_TIMED_OUT = "ScriptTimedOut";
  static final String HOOK_NOT_INVOKED = "UnknownError";

  private final DeploymentEngine engine;

  Lifecycle(DeploymentEngine engine) {
    this.engine = engine;
  }

  void start(Deployment d) {
    if (d.started()) return;
    Instant now = engine.now();
    d.status = Deployment.IN_PROGRESS;
    d.startTime = now;
    d.targetStatus = LifecycleEventState.IN_PROGRESS;
    d.event(START).succeed(now);
    AppSpec spec = d.spec();
    engine.emit(new DeploymentEvent.Started(d.id, now, spec.functionName(), spec.alias(), spec.currentVersion(),
        spec.targetVersion(), d.plan.config().name(), d.plan.creator()));
    engine.alarms.watch(d);
    if (engine.alarms.check(d)) beginHook(d, BEFORE_ALLOW_TRAFFIC);
  }

  /** "If an event hook is not present, no operation is executed for that event": the event is Skipped. */
  private void beginHook(Deployment d, LifecycleEventName name) {
    LifecycleEventState event = d.event(name);
    Instant now = engine.now();
    Optional<String> function = d.spec().hook(name);
    if (function.isEmpty()) {
      event.skip(now);
      afterHook(d, name);
      return;
    }
    event.begin(now);
    event.hookFunction = function.get();
    event.executionId = Ids.hookExecutionId();
    String executionId = event.executionId;
    engine.at(d, now.plus(engine.settings.hookTimeout()), late -> hookTimedOut(late, executionId));
    engine.emit(new DeploymentEvent.HookStarted(d.id, now, name.wireName(), function.get(), executionId));
    engine.invokeHook(d, function.get(), executionId);
  }

  void hookReported(Deployment d, LifecycleEventState event, boolean succeeded) {
    if (!succeeded) {
      hookFailed(d, event, HOOK_REPORTED_FAILED, "The " + event.name.wireName() + " hook " + event.hookFunction + " reported Failed");
      return;
    }
    Instant now = engine.now();
    event.succeed(now);
    engine.emit(new DeploymentEvent.HookFinished(d.id, now, event.name.wireName(), event.hookFunction,
        LifecycleEventState.SUCCEEDED, null));
    afterHook(d, event.name);
  }

  /** "The deployment is considered to have failed if CodeDeploy is not notified by the Lambda validation function within one hour." */
  private void hookTimedOut(Deployment d, String executionId) {
    d.eventByExecutionId(executionId).filter(e -> !e.completed()).ifPresent(e -> hookFailed(d, e, HOOK_TIMED_OUT,
        "The " + e.name.wireName() + " hook " + e.hookFunction + " did not report a status within "
            + engine.settings.hookTimeout()));
  }

  void hookInvokeFailed(Deployment d, String executionId, RuntimeException cause) {
    if (d.completed()) return;
    d.eventByExecutionId(executionId).filter(e -> !e.completed()).ifPresent(e -> hookFailed(d, e, HOOK_NOT_INVOKED,
        "The " + e.name.wireName() + " hook " + e.hookFunction + " could not be invoked: " + cause.getMessage()));
  }

  private void hookFailed(Deployment d, LifecycleEventState event, String code, String why) {
    Instant now = engine.now();
    event.fail(now, code, why);
    engine.emit(new DeploymentEvent.HookFinished(d.id, now, event.name.wireName(), event.hookFunction,
        LifecycleEventState.FAILED, why));
    engine.termination.fail(d, "HOOK_EXECUTION_FAILURE", why);
  }

  private void afterHook(Deployment d, LifecycleEventName name) {
    if (!engine.alarms.check(d)) return;
    if (name == BEFORE_ALLOW_TRAFFIC) {
      d.trafficStart = engine.now();
      d.event(ALLOW_TRAFFIC).begin(d.trafficStart);
      shift(d, 0);
    } else {
      succeed(d);
    }
  }

  /** Applies traffic step {@code index} of the configuration's schedule and schedules the next one. */
  private void shift(Deployment d, int index) {
    if (index > 0 && !engine.alarms.check(d)) return;
    List<LambdaDeploymentConfig.Step> steps = d.plan.config().schedule();
    if (!engine.route(d, weights(d.spec(), steps.get(index).percent()))) return;
    if (index == steps.size() - 1) {
      d.event(ALLOW_TRAFFIC).succeed(engine.now());
      beginHook(d, AFTER_ALLOW_TRAFFIC);
    } else {
      engine.at(d, d.trafficStart.plus(steps.get(index + 1).offset()), next -> shift(next, index + 1));
    }
  }

  /** The alias routing for a step: the target version's share, the rest on the current version. */
  static Map<String, Double> weights(AppSpec spec, int targetPercent) {
    Map<String, Double> weights = new LinkedHashMap<>();
    if (targetPercent < 100) weights.put(spec.currentVersion(), (100 - targetPercent) / 100.0);
    weights.put(spec.targetVersion(), targetPercent / 100.0);
    return weights;
  }

  private void succeed(Deployment d) {
    Instant now = engine.now();
    d.event(END).succeed(now);
    d.status = Deployment.SUCCEEDED;
    d.targetStatus = LifecycleEventState.SUCCEEDED;
    d.completeTime = now;
    d.cancelTimers();
    engine.emit(new DeploymentEvent.Finished(d.id, now, d.status, null, null));
  }
}
