package dev.linkpulse.local;

import dev.linkpulse.emulators.codedeploy.DeploymentEvent;
import dev.linkpulse.emulators.codedeploy.DeploymentListener;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import java.util.function.Consumer;

/** One line per step of a deployment, as it moves: the shift, each hook, the alarm states, the outcome. */
public final class DeploymentProgress implements DeploymentListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private final Consumer<String> out;

  public DeploymentProgress(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void on(DeploymentEvent event) {
    out.accept(TIME.format(event.at()) + "  " + event.deploymentId() + "  " + line(event));
  }

  static String line(DeploymentEvent event) {
    if (event instanceof DeploymentEvent.Started s) {
      return "started: " + s.functionName() + ":" + s.alias() + " " + s.currentVersion() + " -> " + s.targetVersion()
          + " (" + s.deploymentConfigName() + ", " + s.creator() + ")";
    }
    if (event instanceof DeploymentEvent.HookStarted h) return h.lifecycleEvent() + ": invoking " + h.functionName();
    if (event instanceof DeploymentEvent.HookFinished h) {
      return h.lifecycleEvent() + ": " + h.functionName() + " " + h.status() + (h.message() == null ? "" : " (" + h.message() + ")");
    }
    if (event instanceof DeploymentEvent.TrafficShifted t) return "traffic: " + t.functionName() + ":" + t.alias() + " " + new TreeMap<>(t.weights());
    if (event instanceof DeploymentEvent.AlarmStates a) return "alarms: " + new TreeMap<>(a.states());
    if (event instanceof DeploymentEvent.RolledBack r) {
      return "rolled back by " + r.rollbackDeploymentId() + " to version " + r.version() + (r.succeeded() ? "" : " (the rollback failed)");
    }
    DeploymentEvent.Finished f = (DeploymentEvent.Finished) event;
    return f.status() + (f.errorCode() == null ? "" : ": " + f.errorCode() + " " + f.errorMessage());
  }

}
