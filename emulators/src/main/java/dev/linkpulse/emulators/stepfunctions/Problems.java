package dev.linkpulse.emulators.stepfunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every reason a definition cannot run, each with the JSON pointer of the field at fault. */
final class Problems {
  private final List<String> problems = new ArrayList<>();

  void add(String where, String reason) {
    problems.add(where + ": " + reason);
  }

  /** Runs one parse step; an {@link IllegalArgumentException} becomes a problem at {@code where}, and null is returned. */
  <T> T attempt(String where, Supplier<T> step) {
    try {
      return step.get();
    } catch (DefinitionError e) {
      add(e.where(), e.getMessage());
      return null;
    } catch (IllegalArgumentException e) {
      add(where, String.valueOf(e.getMessage()));
      return null;
    }
  }

  List<String> list() {
    return List.copyOf(problems);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }
}
