package dev.linkpulse.emulators.codedeploy;

import java.util.Set;

/** When a deployment rolls back by itself ({@code AutoRollbackConfiguration}): enabled, for these events. */
record AutoRollbackConfiguration(boolean enabled, Set<String> events) {
  static final String ON_FAILURE = "DEPLOYMENT_FAILURE";
  static final String ON_ALARM = "DEPLOYMENT_STOP_ON_ALARM";
  static final String ON_REQUEST = "DEPLOYMENT_STOP_ON_REQUEST";
  static final Set<String> EVENTS = Set.of(ON_FAILURE, ON_ALARM, ON_REQUEST);
  static final AutoRollbackConfiguration NONE = new AutoRollbackConfiguration(false, Set.of());

  AutoRollbackConfiguration {
    events = Set.copyOf(events);
  }
}
