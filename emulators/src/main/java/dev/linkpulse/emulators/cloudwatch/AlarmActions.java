package dev.linkpulse.emulators.cloudwatch;

import java.util.List;

/** The actions an alarm invokes when it enters each state (at most 5 each). */
record AlarmActions(List<String> ok, List<String> alarm, List<String> insufficientData) {
  AlarmActions {
    ok = List.copyOf(ok);
    alarm = List.copyOf(alarm);
    insufficientData = List.copyOf(insufficientData);
  }

  List<String> on(StateValue state) {
    return switch (state) {
      case OK -> ok;
      case ALARM -> alarm;
      case INSUFFICIENT_DATA -> insufficientData;
    };
  }
}
