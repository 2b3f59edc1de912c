package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Json;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.template.FunctionSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cold starts: for each function with a sample event ({@link ColdStartEvents}), N fresh JVMs with only its artifact
 * and Lambda's java21 flags in {@code JAVA_TOOL_OPTIONS}, against one local stack; each without priming, and (for a
 * function that registers an {@code org.crac} resource) with SnapStart-style priming between init and the first call.
 */
final class ColdStartBench {
  /** What Lambda's java21 runtime (and AWS's cold-start advice) put in JAVA_TOOL_OPTIONS; the template sets it too. */
  static final String LAMBDA_FLAGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  record Row(String function, boolean primed, double[] init, double[] priming, double[] first, double[] tenth) {}

  private final PrintStream out;

  ColdStartBench(PrintStream out) {
    this.out = out;
  }

  List<Row> run(int jvms) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (LocalStack stack = LocalStack.ephemeral(Map.of())) {
      RedirectBench.createLink(stack, ColdStartEvents.CODE);
      for (FunctionSpec spec : stack.template().functions()) {
        LocalFunction fn = stack.function(spec.logicalId());
        var event = ColdStartEvents.forFunction(spec.logicalId(), fn.environment());
        if (event.isEmpty() || fn.artifact().isEmpty()) continue;
        Path file = Files.createTempFile("coldstart-" + spec.logicalId(), ".json");
        var specJson = Json.object();
        specJson.set("environment", Json.MAPPER.valueToTree(fn.environment()));
        specJson.set("event", event.get());
        Files.writeString(file, Json.write(specJson));
        for (boolean primed : spec.logicalId().equals("RedirectFunction") ? new boolean[] {false, true} : new boolean[] {false}) {
          out.printf("%s%s: %d fresh JVMs...%n", spec.logicalId(), primed ? " (primed)" : "", jvms);
          rows.add(measure(spec, fn.artifact().get(), file, primed, jvms));
        }
        Files.deleteIfExists(file);
      }
    }
    return rows;
  }

  private Row measure(FunctionSpec spec, Path artifact, Path file, boolean primed, int jvms) throws Exception {
    double[][] v = new double[4][jvms];
    for (int i = 0; i < jvms; i++) {
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ColdStartProbe.class.getName(),
          spec.logicalId(), spec.handlerClass(), artifact.toString(), file.toString(), Boolean.toString(primed));
      pb.environment().put("JAVA_TOOL_OPTIONS", LAMBDA_FLAGS);
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String output = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
          .orElseThrow(() -> new IllegalStateException(spec.logicalId() + " probe failed:\n" + output));
      String[] f = line.split(" ");
      for (int k = 0; k < 4; k++) v[k][i] = Double.parseDouble(f[k + 1]);
    }
    return new Row(spec.logicalId(), primed, v[0], v[1], v[2], v[3]);
  }

  void print(List<Row> rows) {
    out.println();
    String fmt = "%-20s %-8s %15s %15s %15s %15s %17s%n";
    out.printf(fmt, "function", "priming", "init p50/max", "priming p50/max", "1st call p50/max", "10th call p50/max", "init+1st p50/max");
    for (Row r : rows) {
      double[] initFirst = new double[r.init().length];
      for (int i = 0; i < initFirst.length; i++) initFirst[i] = r.init()[i] + r.priming()[i] + r.first()[i];
      out.printf(fmt, r.function(), r.primed() ? "primed" : "none", pair(r.init()), pair(r.priming()), pair(r.first()), pair(r.tenth()), pair(initFirst));
    }
    out.println("Milliseconds, locally: each JVM has " + LAMBDA_FLAGS + " in JAVA_TOOL_OPTIONS and loads the function from its artifact");
    out.println("alone (the local stack's class loader). init: the handler's construction; priming: beforeCheckpoint of its org.crac");
    out.println("resources, as SnapStart runs it before the snapshot (on Lambda the restore replaces init + priming); init+1st includes it.");
  }

  private static String pair(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format("%,.0f / %,.0f", sorted[sorted.length / 2], sorted[sorted.length - 1]);
  }
}
