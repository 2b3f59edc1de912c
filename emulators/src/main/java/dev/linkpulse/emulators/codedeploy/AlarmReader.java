package dev.linkpulse.emulators.codedeploy;

import java.util.Collection;
import java.util.Map;

/**
 * Port: reads CloudWatch alarm states ({@code OK}, {@code ALARM}, {@code INSUFFICIENT_DATA}), the way CodeDeploy
 * polls the alarms of a deployment group. The local stack implements it on its CloudWatch engine.
 *
 * <p>Called with the engine's lock held; it must not call the CodeDeploy endpoint. An alarm missing from the answer,
 * or a thrown exception, means the states could not be read: the deployment stops unless the alarm configuration
 * sets {@code ignorePollAlarmFailure}.
 */
@FunctionalInterface
public interface AlarmReader {
  /** The current state of each named alarm. */
  Map<String, String> states(Collection<String> alarmNames);
}
