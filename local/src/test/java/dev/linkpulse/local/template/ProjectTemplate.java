package dev.linkpulse.local.template;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The repository's template.yaml as this package's contract tests read it: loaded once for all of them, and a copy
 * broken on purpose, to prove that a check catches what it is there to catch.
 */
final class ProjectTemplate {
  static final Path ROOT = LocalConfig.findRoot();
  static final Template TEMPLATE = load(ROOT.resolve("template.yaml"));

  private ProjectTemplate() {}

  /** template.yaml with {@code edit} applied to its text, written to {@code dir} and loaded from there. */
  static Template edited(Path dir, UnaryOperator<String> edit) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, edit.apply(Files.readString(ROOT.resolve("template.yaml"))));
    return Template.load(file);
  }

  /** The template's function {@code logicalId}; fails when there is none. */
  static FunctionSpec function(String logicalId) {
    return TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
        .orElseThrow(() -> new AssertionError("template.yaml has no function " + logicalId));
  }

  private static Template load(Path file) {
    try {
      return Template.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
