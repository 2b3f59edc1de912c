package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.AFTER_ALLOW_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.ALLOW_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.BEFORE_ALLOW_TRAFFIC;
import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.END;
import static dev.linkpulse.emulators.codedeploy.LifecycleEventName.START;

import dev.linkpulse.emulators.codedeploy.RollbackRule.Trigger;
import java.time.Instant;
import java.util.Map;

/**
 * Ends a deployment that did not succeed (Failed, or Stopped by an alarm or a request) and, where
 * {@link RollbackRule} says so, rolls it back the way CodeDeploy does: "by redeploying, as a new deployment, a
 * previously deployed revision". The rollback deployment ({@code creator} {@code codeDeployRollback}) routes the
 * alias back to the current version at once and runs no hooks. Every method runs under the engine's lock.
 */
final class Termination {
  private final DeploymentEngine engine;

  Termination(DeploymentEngine engine) {
    this.engine = engine;
  }

  void fail(Deployment d, String code, String message) {
    end(d, Deployment.FAILED, code, message, RollbackRule.rollsBack(d.plan.autoRollback(), Trigger.FAILURE, null));
  }

  void stopOnAlarm(Deployment d, String message) {
    end(d, Deployment.STOPPED, "ALARM_ACTIVE", message, RollbackRule.rollsBack(d.plan.autoRollback(), Trigger.ALARM, null));
  }

  void stopOnRequest(Deployment d, Boolean autoRollbackEnabled) {
    end(d, Deployment.STOPPED, "MANUAL_STOP", "The deployment was stopped by a StopDeployment request",
        RollbackRule.rollsBack(d.plan.autoRollback(), Trigger.STOP_REQUEST, autoRollbackEnabled));
  }

  private void end(Deployment d, String status, String code, String message, boolean rollBack) {
    if (d.completed()) return;
    Instant now = engine.now();
    d.cancelTimers();
    for (LifecycleEventState event : d.events.values()) {
      if (event.status.equals(LifecycleEventState.IN_PROGRESS)) event.fail(now, Lifecycle.HOOK_NOT_INVOKED, message);
      else if (event.status.equals(LifecycleEventState.PENDING)) event.skip(now);
    }
    d.status = status;
    d.error = new Deployment.ErrorInformation(code, message);
    d.completeTime = now;
    d.targetStatus = LifecycleEventState.FAILED;
    if (rollBack) rollBack(d);
    engine.emit(new DeploymentEvent.Finished(d.id, now, status, code, message));
  }

  private void rollBack(Deployment failed) {
    AppSpec back = failed.spec().reversed();
    LambdaDeploymentConfig allAtOnce = LambdaDeploymentConfig.predefined(LambdaDeploymentConfig.DEFAULT_NAME).orElseThrow();
    Deployment r = engine.register(new Deployment.Plan(failed.plan.applicationName(), failed.plan.groupName(),
        allAtOnce, back, DeploymentJson.revision(back), "Automatic rollback of " + failed.id, Deployment.BY_ROLLBACK,
        AlarmConfiguration.NONE, false, AutoRollbackConfiguration.NONE));
    r.rollbackTriggeringDeploymentId = failed.id;
    failed.rollbackDeploymentId = r.id;
    Instant now = engine.now();
    r.status = Deployment.IN_PROGRESS;
    r.startTime = now;
    r.targetStatus = LifecycleEventState.IN_PROGRESS;
    r.event(START).succeed(now);
    r.event(BEFORE_ALLOW_TRAFFIC).skip(now);
    r.event(ALLOW_TRAFFIC).begin(now);
    engine.emit(new DeploymentEvent.Started(r.id, now, back.functionName(), back.alias(), back.currentVersion(),
        back.targetVersion(), allAtOnce.name(), r.plan.creator()));
    if (engine.route(r, Map.of(back.targetVersion(), 1.0))) {
      r.event(ALLOW_TRAFFIC).succeed(now);
      r.event(AFTER_ALLOW_TRAFFIC).skip(now);
      r.event(END).succeed(now);
      r.status = Deployment.SUCCEEDED;
      r.targetStatus = LifecycleEventState.SUCCEEDED;
      r.completeTime = now;
      failed.rollbackMessage = "Rolled back by deployment " + r.id + ": alias " + back.alias() + " routes all traffic to version "
          + back.targetVersion();
      engine.emit(new DeploymentEvent.Finished(r.id, now, r.status, null, null));
    } else {
      failed.rollbackMessage = "Rollback deployment " + r.id + " failed: " + r.error.message();
    }
    engine.emit(new DeploymentEvent.RolledBack(failed.id, now, r.id, back.targetVersion(), r.status.equals(Deployment.SUCCEEDED)));
  }
}
