package dev.linkpulse.emulators.stepfunctions;

import java.util.List;

/**
 * A state machine definition the engine refuses: malformed ASL, or a feature it cannot run (JSONata, an
 * unsupported resource or intrinsic, ...). {@link #problems()} lists each one as {@code <JSON pointer>: <reason>},
 * for example {@code /States/Screen/Resource: unsupported resource ...}. Nothing is created.
 */
public final class InvalidDefinitionException extends IllegalArgumentException {
  private final List<String> problems;

  InvalidDefinitionException(List<String> problems) {
    super("Invalid State Machine Definition: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
