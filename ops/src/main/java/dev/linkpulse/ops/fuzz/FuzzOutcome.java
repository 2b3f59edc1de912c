package dev.linkpulse.ops.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one fuzzing run of a target came to, read from the Jazzer/libFuzzer log: executions (libFuzzer's
 * {@code stat::number_of_executed_units}, or its {@code Done N runs}), findings (each Jazzer finding starts with
 * {@code == Java Exception:}; libFuzzer's own timeouts and out-of-memory end in {@code ERROR: libFuzzer:}), and the
 * corpus size at the last status line ({@code corp: N/...}).
 */
record FuzzOutcome(FuzzTarget target, long executions, int crashes, long corpus, int exitCode, Path log) {
  private static final Pattern EXECUTED = Pattern.compile("stat::number_of_executed_units:\\s*(\\d+)");
  private static final Pattern DONE = Pattern.compile("^Done (\\d+) runs in");
  private static final Pattern CORPUS = Pattern.compile("\\bcorp: (\\d+)/");

  /** A run that never got to fuzz (the JVM did not start, the target was not found) counts as a crash. */
  boolean clean() {
    return crashes == 0 && exitCode == 0;
  }

  static FuzzOutcome of(FuzzTarget target, List<String> lines, int exitCode, Path log) {
    long executions = -1;
    long corpus = 0;
    int crashes = 0;
    for (String line : lines) {
      Matcher m = EXECUTED.matcher(line);
      if (m.find()) executions = Long.parseLong(m.group(1));
      m = DONE.matcher(line);
      if (m.find() && executions < 0) executions = Long.parseLong(m.group(1));
      m = CORPUS.matcher(line);
      if (m.find()) corpus = Long.parseLong(m.group(1));
      if (line.startsWith("== Java Exception:") || line.contains("ERROR: libFuzzer:")) crashes++;
    }
    if (crashes == 0 && exitCode != 0) crashes = 1;
    return new FuzzOutcome(target, Math.max(executions, 0), crashes, corpus, exitCode, log);
  }
}
