package dev.linkpulse.local;

import dev.linkpulse.emulators.codedeploy.AlarmReader;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alarm states a local deployment watches, until the local CloudWatch is wired into the stack: every alarm is
 * {@code OK} until a drill or a test sets it. The deployment reads them through CodeDeploy's {@link AlarmReader}
 * port, so the local CloudWatch replaces this class without touching the deployment.
 */
public final class LocalAlarms implements AlarmReader {
  private final Map<String, String> states = new ConcurrentHashMap<>();

  /** @param state {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA} */
  public void set(String alarmName, String state) {
    if (!state.equals("OK") && !state.equals("ALARM") && !state.equals("INSUFFICIENT_DATA")) {
      throw new IllegalArgumentException("not an alarm state: " + state);
    }
    states.put(alarmName, state);
  }

  @Override
  public Map<String, String> states(Collection<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : names) out.put(name, states.getOrDefault(name, "OK"));
    return out;
  }
}
