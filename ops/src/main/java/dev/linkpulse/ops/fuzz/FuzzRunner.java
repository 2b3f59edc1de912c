package dev.linkpulse.ops.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes one target in a JVM of its own: Jazzer's command-line driver running the {@code @FuzzTest} (Jazzer fuzzes
 * one target per run), in the module's directory so its corpus ({@code .cifuzz-corpus/}) grows from run to run and
 * a crashing input lands in the target's {@code Inputs} resources, where the next normal build replays it. The
 * whole log goes to {@code <module>/target/fuzz/<target>.log}.
 */
final class FuzzRunner {
  static final String DRIVER = "com.code_intelligence.jazzer.Jazzer";
  /**
   * {@code --grep} is the operator's own regular expression, not a stranger's, and the other targets compile no
   * pattern from their input; the sanitizer would report every invalid expression the DLQ tools rightly refuse.
   */
  static final String DISABLED_HOOKS = "com.code_intelligence.jazzer.sanitizers.RegexInjection";

  private final long seconds;
  private final Long runs;

  FuzzRunner(long seconds, Long runs) {
    this.seconds = seconds;
    this.runs = runs;
  }

  List<String> command(FuzzTarget target) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:+UseParallelGC", "-cp", String.join(java.io.File.pathSeparator, target.classpath()), DRIVER,
        "--target_class=" + target.className(), "--target_method=" + target.method(), "--instrument=dev.linkpulse.**",
        "--disabled_hooks=" + DISABLED_HOOKS, "--keep_going=100", "-max_total_time=" + seconds, "-print_final_stats=1"));
    if (runs != null) command.add("-runs=" + runs);
    return command;
  }

  FuzzOutcome run(FuzzTarget target) throws IOException, InterruptedException {
    Path log = target.moduleDir().resolve("target/fuzz").resolve(target.name() + ".log");
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command(target)).directory(target.moduleDir().toFile()).redirectErrorStream(true).start();
    List<String> kept = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8); PrintWriter out = new PrintWriter(file)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println(line);
        if (!line.startsWith("INFO: Instrumented") && !line.startsWith("INFO: Loaded")) kept.add(line);
      }
    } finally {
      if (process.isAlive()) process.destroy();
    }
    return FuzzOutcome.of(target, kept, process.waitFor(), log);
  }
}
