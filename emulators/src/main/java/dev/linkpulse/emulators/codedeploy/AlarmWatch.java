package dev.linkpulse.emulators.codedeploy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a deployment's alarms from Start to End: a poll every {@code alarmPollInterval}, and a check before every
 * hook and every traffic shift. A verdict to stop ({@link AlarmRule}) stops the deployment at once. Runs under the
 * engine's lock.
 */
final class AlarmWatch {
  private static final Logger LOG = LoggerFactory.getLogger(AlarmWatch.class);

  private final DeploymentEngine engine;
  private final AlarmReader reader;

  AlarmWatch(DeploymentEngine engine, AlarmReader reader) {
    this.engine = engine;
    this.reader = reader;
  }

  void watch(Deployment d) {
    if (d.plan.alarms().watches()) schedulePoll(d);
  }

  private void schedulePoll(Deployment d) {
    engine.at(d, engine.now().plus(engine.settings.alarmPollInterval()), polled -> {
      if (check(polled)) schedulePoll(polled);
    });
  }

  /** Reads the alarms; true if the deployment may go on, false if it was stopped. */
  boolean check(Deployment d) {
    AlarmConfiguration config = d.plan.alarms();
    if (!config.watches()) return true;
    Map<String, String> states = read(d, config);
    if (states != null && !states.equals(d.lastAlarmStates)) {
      d.lastAlarmStates = states;
      engine.emit(new DeploymentEvent.AlarmStates(d.id, engine.now(), states));
    }
    AlarmRule.Verdict verdict = AlarmRule.evaluate(config, states);
    if (verdict.proceed()) return true;
    engine.termination.stopOnAlarm(d, verdict.message());
    return false;
  }

  /** The configured alarms' states, sorted by name; {@code null} if the reader failed. */
  private Map<String, String> read(Deployment d, AlarmConfiguration config) {
    try {
      Map<String, String> answer = reader.states(config.alarms());
      Map<String, String> states = new TreeMap<>();
      for (String alarm : config.alarms()) {
        String state = answer == null ? null : answer.get(alarm);
        if (state != null) states.put(alarm, state);
      }
      return Collections.unmodifiableMap(states);
    } catch (RuntimeException e) {
      LOG.warn("reading alarms {} for {} failed: {}", config.alarms(), d.id, e.toString());
      return null;
    }
  }
}
