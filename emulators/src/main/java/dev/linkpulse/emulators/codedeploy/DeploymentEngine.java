package dev.linkpulse.emulators.codedeploy;

import dev.linkpulse.emulators.protocol.AwsServiceException;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs deployments: the entry points (create, report a hook, stop), the one lock every change holds (the
 * {@link CodeDeployState} monitor), timers on the {@link Timeline}, and the ports. Hook invocations are deferred
 * until the lock is released, so a hook may report back from inside its invocation.
 */
final class DeploymentEngine {
  record Settings(Duration hookTimeout, Duration alarmPollInterval) {}

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentEngine.class);

  final CodeDeployState state = new CodeDeployState();
  final Settings settings;
  final Lifecycle lifecycle = new Lifecycle(this);
  final Termination termination = new Termination(this);
  final AlarmWatch alarms;
  private final Timeline time;
  private final TrafficShifter shifter;
  private final HookInvoker hooks;
  private final List<DeploymentListener> listeners;
  private final List<Runnable> deferred = new ArrayList<>();
  /** The instant of the change under way: one change is atomic, so all it records and reports carry one time. */
  private Instant changeTime;
  private boolean closed;

  DeploymentEngine(Timeline time, TrafficShifter shifter, HookInvoker hooks, AlarmReader alarmReader,
      List<DeploymentListener> listeners, Settings settings) {
    this.time = time;
    this.shifter = shifter;
    this.hooks = hooks;
    this.listeners = List.copyOf(listeners);
    this.settings = settings;
    this.alarms = new AlarmWatch(this, alarmReader);
  }

  /** Runs {@code action} under the lock, then the hook invocations it deferred. */
  <T> T locked(Supplier<T> action) {
    T result;
    List<Runnable> calls;
    synchronized (state) {
      Instant outer = changeTime;
      changeTime = time.now();
      try {
        result = action.get();
      } finally {
        changeTime = outer;
        calls = List.copyOf(deferred);
        deferred.clear();
      }
    }
    calls.forEach(Runnable::run);
    return result;
  }

  void locked(Runnable action) {
    locked(() -> {
      action.run();
      return null;
    });
  }

  /** Registers a new deployment and starts it on the timeline. Call under the lock. */
  Deployment create(Deployment.Plan plan) {
    state.activeIn(plan.applicationName(), plan.groupName()).ifPresent(active -> {
      throw AwsServiceException.client("DeploymentLimitExceededException", "The Deployment Group '" + plan.groupName()
          + "' already has an active Deployment '" + active.id + "'");
    });
    Deployment d = register(plan);
    at(d, now(), lifecycle::start);
    return d;
  }

  /** Adds a deployment in {@code Created} without starting it. Call under the lock. */
  Deployment register(Deployment.Plan plan) {
    String id = Ids.deploymentId();
    while (state.findDeployment(id).isPresent()) id = Ids.deploymentId();
    Deployment d = new Deployment(id, state.nextSequence(), plan, now());
    state.add(d);
    return d;
  }

  /** PutLifecycleEventHookExecutionStatus, once the request itself is valid. Call under the lock. */
  void report(Deployment d, String executionId, boolean succeeded) {
    LifecycleEventState event = d.eventByExecutionId(executionId).orElseThrow(() -> AwsServiceException.client(
        "InvalidLifecycleEventHookExecutionIdException", "Lifecycle event hook execution " + executionId
            + " does not belong to deployment " + d.id));
    if (event.completed()) {
      throw AwsServiceException.client("LifecycleEventAlreadyCompletedException", "The lifecycle event "
          + event.name.wireName() + " of deployment " + d.id + " has already completed as " + event.status);
    }
    lifecycle.hookReported(d, event, succeeded);
  }

  /** StopDeployment. Call under the lock. */
  void stop(Deployment d, Boolean autoRollbackEnabled) {
    if (d.completed()) {
      throw AwsServiceException.client("DeploymentAlreadyCompletedException",
          "Deployment " + d.id + " has already completed as " + d.status);
    }
    termination.stopOnRequest(d, autoRollbackEnabled);
  }

  /** The time of the change under way (see {@link #locked}), or the timeline's time outside one. */
  Instant now() {
    synchronized (state) {
      return changeTime != null ? changeTime : time.now();
    }
  }

  /** Runs {@code step} at {@code when} under the lock, unless the deployment has ended or the engine closed by then. */
  void at(Deployment d, Instant when, Consumer<Deployment> step) {
    d.timers.add(time.schedule(when, () -> locked(() -> {
      if (!closed && !d.completed()) step.accept(d);
    })));
  }

  /** Routes the alias as {@code weights}; false (and the deployment failed) if the shifter refused. Call under the lock. */
  boolean route(Deployment d, Map<String, Double> weights) {
    try {
      shifter.route(d.spec().functionName(), d.spec().alias(), weights);
    } catch (RuntimeException e) {
      LOG.warn("routing {}:{} for {} failed", d.spec().functionName(), d.spec().alias(), d.id, e);
      termination.fail(d, "INVALID_LAMBDA_CONFIGURATION", "The alias " + d.spec().alias() + " of function "
          + d.spec().functionName() + " could not be updated: " + e.getMessage());
      return false;
    }
    d.weights = Map.copyOf(weights);
    emit(new DeploymentEvent.TrafficShifted(d.id, now(), d.spec().functionName(), d.spec().alias(), weights));
    return true;
  }

  /** Invokes a hook once the lock is released; an invocation that throws fails the lifecycle event. */
  void invokeHook(Deployment d, String function, String executionId) {
    String event = "{\"DeploymentId\":\"" + d.id + "\",\"LifecycleEventHookExecutionId\":\"" + executionId + "\"}";
    deferred.add(() -> {
      try {
        hooks.invoke(function, event);
      } catch (RuntimeException e) {
        LOG.warn("invoking hook {} for {} failed", function, d.id, e);
        locked(() -> {
          if (!closed) lifecycle.hookInvokeFailed(d, executionId, e);
        });
      }
    });
  }

  void emit(DeploymentEvent event) {
    for (DeploymentListener listener : listeners) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        LOG.warn("deployment listener failed on {}", event, e);
      }
    }
  }

  /** Cancels every timer: nothing runs after this. */
  void close() {
    synchronized (state) {
      closed = true;
      state.all().forEach(Deployment::cancelTimers);
    }
  }
}
