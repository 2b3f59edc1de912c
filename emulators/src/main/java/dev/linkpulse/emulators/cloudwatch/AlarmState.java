package dev.linkpulse.emulators.cloudwatch;

import java.time.Instant;

/**
 * Where an alarm stands: its state, why (StateReason, and StateReasonData as JSON text or null), when the state
 * was last updated, and when its value last changed.
 */
record AlarmState(StateValue value, String reason, String reasonData, Instant updated, Instant transitioned) {
  static AlarmState initial(Instant now) {
    return new AlarmState(StateValue.INSUFFICIENT_DATA, "Unchecked: Initial alarm creation", null, now, now);
  }
}
