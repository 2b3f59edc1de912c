package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.protocol.AwsAccount;
import java.time.Instant;

/** One alarm in the registry: its definition (metric or composite), its state, and when it was last configured. */
final class AlarmEntry {
  private Object definition;
  private AlarmState state;
  private Instant configured;
  private boolean actionsEnabled;

  AlarmEntry(Object definition, Instant now) {
    this.state = AlarmState.initial(now);
    reconfigure(definition, now);
  }

  void reconfigure(Object newDefinition, Instant now) {
    this.definition = newDefinition;
    this.configured = now;
    this.actionsEnabled = newDefinition instanceof MetricAlarm m ? m.actionsEnabled() : ((CompositeAlarm) newDefinition).actionsEnabled();
  }

  String name() {
    return definition instanceof MetricAlarm m ? m.name() : composite().name();
  }

  String arn() {
    return AwsAccount.arn("cloudwatch", "alarm:" + name());
  }

  boolean isComposite() {
    return definition instanceof CompositeAlarm;
  }

  /** "MetricAlarm" or "CompositeAlarm", as AlarmTypes and history items name them. */
  String type() {
    return isComposite() ? "CompositeAlarm" : "MetricAlarm";
  }

  MetricAlarm metric() {
    return (MetricAlarm) definition;
  }

  CompositeAlarm composite() {
    return (CompositeAlarm) definition;
  }

  String description() {
    return definition instanceof MetricAlarm m ? m.description() : composite().description();
  }

  AlarmActions actions() {
    return definition instanceof MetricAlarm m ? m.actions() : composite().actions();
  }

  AlarmState state() {
    return state;
  }

  void state(AlarmState newState) {
    this.state = newState;
  }

  Instant configured() {
    return configured;
  }

  boolean actionsEnabled() {
    return actionsEnabled;
  }

  void actionsEnabled(boolean enabled) {
    this.actionsEnabled = enabled;
  }
}
