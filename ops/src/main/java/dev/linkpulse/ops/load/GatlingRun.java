package dev.linkpulse.ops.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one of the gatling module's scenarios in a JVM of its own, from the classpath the module's build writes, so
 * Gatling's Netty 4.2 never shares a class loader with the SDK's 4.1. Gatling's console output (its progress every
 * five seconds, the accounting table, the final statistics) is copied to {@code out} as it comes. When the
 * accounting fails the run, Gatling skips its HTML report; this then builds it from the run's simulation.log.
 */
final class GatlingRun {
  static final String MAIN = "io.gatling.app.Gatling";
  /** What the Gatling Maven plugin gives a run, so both ways of running behave alike. */
  static final List<String> JVM_ARGS = List.of("-Xmx1g", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:MaxInlineLevel=20",
      "-XX:MaxTrivialSize=12", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");

  /**
   * What a run left behind. {@code report} is the HTML report's index, {@code accountingTable} the accounting as
   * text and {@code accounting} as JSON; each is null when the run ended before producing it.
   */
  record Outcome(int exitCode, Path report, Path accountingTable, JsonNode accounting) {
    boolean passed() {
      return exitCode == 0;
    }

    boolean balanced() {
      return accounting != null && accounting.path("balanced").asBoolean(false);
    }
  }

  private final Path root;
  private final Path resultsDir;
  private final PrintStream out;

  /** @param resultsDir where Gatling writes its run directories and the accounting files */
  GatlingRun(Path root, Path resultsDir, PrintStream out) {
    this.root = root;
    this.resultsDir = resultsDir.toAbsolutePath();
    this.out = out;
  }

  static Path defaultResults(Path root) {
    return root.resolve("gatling").resolve("target").resolve("gatling");
  }

  /** Runs {@code scenario} with {@code properties} as its {@code -D} parameters and waits for it to finish. */
  Outcome run(Scenario scenario, Map<String, String> properties) throws IOException, InterruptedException {
    List<String> classpath = classpath();
    Files.createDirectories(resultsDir);
    Path table = resultsDir.resolve(scenario.runId() + "-accounting.txt");
    Path json = resultsDir.resolve(scenario.runId() + "-accounting.json");
    Files.deleteIfExists(table);
    Files.deleteIfExists(json);
    long started = System.currentTimeMillis();
    List<String> command = java(classpath);
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-DaccountingDir=" + resultsDir);
    command.add("-Dlinkpulse.root=" + root);
    command.addAll(List.of(MAIN, "-s", scenario.simulationClass(), "-rf", resultsDir.toString()));
    int exit = execute(command);
    Path report = report(latestRun(scenario, started), classpath);
    return new Outcome(exit, report, Files.exists(table) ? table : null, Files.exists(json) ? Json.tree(Files.readString(json)) : null);
  }

  private Path report(Path runDir, List<String> classpath) throws IOException, InterruptedException {
    if (runDir == null) return null;
    Path index = runDir.resolve("index.html");
    if (!Files.exists(index) && Files.exists(runDir.resolve("simulation.log"))) {
      out.println("Gatling skipped its report because the run failed in after(); building it from " + runDir.resolve("simulation.log"));
      List<String> command = java(classpath);
      command.addAll(List.of(MAIN, "-ro", runDir.getFileName().toString(), "-rf", resultsDir.toString()));
      execute(command);
    }
    return Files.exists(index) ? index : null;
  }

  /** The run directory Gatling made for this run: the newest of the scenario's, made after the run started. */
  private Path latestRun(Scenario scenario, long startedMillis) throws IOException {
    try (Stream<Path> dirs = Files.list(resultsDir)) {
      return dirs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().startsWith(scenario.runId() + "-"))
          .filter(d -> d.toFile().lastModified() >= startedMillis - 1000)
          .max(Comparator.comparing(d -> d.getFileName().toString())).orElse(null);
    }
  }

  private List<String> java(List<String> classpath) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_ARGS);
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classpath));
    return command;
  }

  private int execute(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(root.resolve("gatling").toFile()).redirectErrorStream(true).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) out.println(line);
    } finally {
      if (process.isAlive()) process.destroy();
    }
    return process.waitFor();
  }

  /** The gatling module's classes and its dependencies, as its build wrote them to target/classpath.txt. */
  private List<String> classpath() throws IOException {
    Path target = root.resolve("gatling").resolve("target");
    Path file = target.resolve("classpath.txt");
    if (!Files.exists(file) || !Files.isDirectory(target.resolve("classes"))) {
      throw new IllegalStateException("the gatling module is not built (no " + file + "): run mvn -B -DskipTests package"
          + " (./linkpulse does it when sources change)");
    }
    List<String> classpath = new ArrayList<>();
    classpath.add(target.resolve("classes").toString());
    String deps = Files.readString(file).strip();
    if (!deps.isEmpty()) classpath.addAll(List.of(deps.split(java.io.File.pathSeparator)));
    return classpath;
  }
}
