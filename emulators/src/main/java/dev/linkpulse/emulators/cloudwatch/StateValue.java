package dev.linkpulse.emulators.cloudwatch;

/** An alarm's state. */
enum StateValue {
  OK, ALARM, INSUFFICIENT_DATA;

  static StateValue parse(String value) {
    for (StateValue s : values()) if (s.name().equals(value)) return s;
    return null;
  }
}
