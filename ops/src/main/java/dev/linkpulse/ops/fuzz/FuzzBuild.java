package dev.linkpulse.ops.fuzz;

import dev.linkpulse.ops.UsageError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles the fuzz tests on demand and finds each module's test class path. Fuzz targets are tests, beside the code
 * they fuzz and the regression inputs a normal build replays; the launcher builds with {@code -Dmaven.test.skip}, so
 * {@code fuzz} asks Maven once for {@code test-compile} and a {@code build-classpath} of test scope. That keeps
 * Jazzer out of every main class path and every function's deploy jar, at the price of one Maven run per
 * {@code fuzz} (incremental after the first).
 */
final class FuzzBuild {
  /** The modules whose tests hold fuzz targets. */
  static final List<String> MODULES = List.of("core", "redirect", "pipeline", "ops");
  static final String CLASSPATH_FILE = "target/fuzz-classpath.txt";

  private final Path root;

  FuzzBuild(Path root) {
    this.root = root;
  }

  void compile() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-pl", String.join(",", MODULES), "-am", "test-compile",
        "dependency:build-classpath", "-Dmdep.outputFile=" + CLASSPATH_FILE, "-Dmdep.includeScope=test"));
    Process maven = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
    if (maven.waitFor() != 0) throw new UsageError("the fuzz tests did not compile (mvn exited " + maven.exitValue() + "); see above");
  }

  /** The module's test classes, main classes and test-scope dependencies, as the last {@link #compile} wrote them. */
  List<String> classpath(String module) throws IOException {
    Path dir = root.resolve(module);
    Path file = dir.resolve(CLASSPATH_FILE);
    if (!Files.exists(file)) throw new UsageError("no " + file + "; run without --no-build once");
    List<String> entries = new ArrayList<>(List.of(dir.resolve("target/test-classes").toString(), dir.resolve("target/classes").toString()));
    String deps = Files.readString(file).strip();
    if (!deps.isEmpty()) entries.addAll(Arrays.asList(deps.split(java.io.File.pathSeparator)));
    return entries;
  }
}
