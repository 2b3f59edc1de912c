package dev.linkpulse.ops.slo;

import dev.linkpulse.ops.slo.SloSpec.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** {@code alarms/slos.yaml} read: the file, its YAML (plain YAML only: no tags, no objects), then {@link SpecParser}. */
public final class SloFile {
  private SloFile() {}

  /** Reads and validates {@code file}; any problem is a {@link SpecException} naming the file and the entry. */
  public static SloSpec load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException(file + " does not exist");
    } catch (IOException e) {
      throw new SpecException("cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, file.getFileName().toString());
  }

  /** Parses {@code text}; {@code source} names it in every message. */
  public static SloSpec parse(String text, String source) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (MarkedYAMLException e) {
      throw new SpecException(source + " is not valid YAML (line " + (e.getProblemMark().getLine() + 1) + "): " + e.getProblem());
    } catch (YAMLException e) {
      throw new SpecException(source + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return new SpecParser(source).spec(root);
  }
}
