package dev.linkpulse.emulators.stepfunctions;

/** A parse failure that already knows which field of the definition it is about. */
final class DefinitionError extends IllegalArgumentException {
  private final String where;

  DefinitionError(String where, String reason) {
    super(reason);
    this.where = where;
  }

  String where() {
    return where;
  }
}
