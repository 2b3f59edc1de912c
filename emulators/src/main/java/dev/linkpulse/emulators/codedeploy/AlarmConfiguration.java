package dev.linkpulse.emulators.codedeploy;

import java.util.List;

/**
 * The alarms a deployment watches ({@code AlarmConfiguration}): with {@code enabled}, any of them in ALARM stops
 * the deployment; {@code ignorePollAlarmFailure} lets it go on when the states cannot be read.
 */
record AlarmConfiguration(boolean enabled, boolean ignorePollAlarmFailure, List<String> alarms) {
  static final AlarmConfiguration NONE = new AlarmConfiguration(false, false, List.of());
  /** "You can associate up to ten CloudWatch alarms with an AWS CodeDeploy deployment group." */
  static final int MAX_ALARMS = 10;
  static final int MAX_NAME_LENGTH = 255;

  AlarmConfiguration {
    alarms = List.copyOf(alarms);
  }

  boolean watches() {
    return enabled && !alarms.isEmpty();
  }
}
