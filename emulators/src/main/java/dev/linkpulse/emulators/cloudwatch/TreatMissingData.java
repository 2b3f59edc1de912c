package dev.linkpulse.emulators.cloudwatch;

/** How an alarm reads missing datapoints: {@code missing} (the default), {@code notBreaching}, {@code breaching}, {@code ignore}. */
enum TreatMissingData {
  MISSING("missing"), NOT_BREACHING("notBreaching"), BREACHING("breaching"), IGNORE("ignore");

  private final String wire;

  TreatMissingData(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }

  static TreatMissingData parse(String value) {
    if (value == null) return MISSING;
    for (TreatMissingData t : values()) if (t.wire.equals(value)) return t;
    return null;
  }
}
