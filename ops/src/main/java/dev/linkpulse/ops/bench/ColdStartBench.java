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

  /**
   * {@code loader}: "local" is the local stack's class loader (each class rewritten for its {@code System.getenv}, a
   * serialization library per function); "plain" a URLClassLoader over the artifact with the environment in the
   * process, as Lambda's runtime loads a function. {@code boot}: the JVM's own start, before any function code.
   */
  record Row(String function, boolean primed, String loader, double[] init, double[] priming, double[] first, double[] tenth,
      double[] boot, double[] firstInHandler) {}

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
        List<Object[]> modes = new ArrayList<>();
        for (boolean primed : spec.logicalId().equals("RedirectFunction") ? new boolean[] {false, true} : new boolean[] {false}) {
          for (String loader : List.of("local", "plain")) modes.add(new Object[] {primed, loader});
        }
        out.printf("%s: an unmeasured JVM, then %d rounds of %d fresh JVMs (one per mode, in turn)...%n", spec.logicalId(), jvms, modes.size());
        probe(spec, fn, file, false, "local"); // the stack's own first calls and JIT settle before anything is measured
        stack.awaitQuiet(java.time.Duration.ofMinutes(2));
        double[][][] v = new double[modes.size()][6][jvms];
        for (int i = 0; i < jvms; i++) {
          for (int m = 0; m < modes.size(); m++) {
            double[] r = probe(spec, fn, file, (Boolean) modes.get(m)[0], (String) modes.get(m)[1]);
            for (int k = 0; k < r.length; k++) v[m][k][i] = r[k];
          }
        }
        for (int m = 0; m < modes.size(); m++) {
          double[][] r = v[m];
          rows.add(new Row(spec.logicalId(), (Boolean) modes.get(m)[0], (String) modes.get(m)[1], r[0], r[1], r[2], r[3], r[4], r[5]));
        }
        Files.deleteIfExists(file);
      }
    }
    return rows;
  }

  /** One fresh JVM: init, priming, first call, tenth call, JVM boot, and the first call's time in the handler (or -1). */
  private double[] probe(FunctionSpec spec, LocalFunction fn, Path file, boolean primed, String loader) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ColdStartProbe.class.getName(),
        spec.logicalId(), spec.handlerClass(), fn.artifact().orElseThrow().toString(), file.toString(), Boolean.toString(primed), loader);
    pb.environment().put("JAVA_TOOL_OPTIONS", LAMBDA_FLAGS);
    // A plain loader rewrites nothing: the function reads its environment from the process, as on Lambda.
    if (loader.equals("plain")) pb.environment().putAll(fn.runtimeEnvironment());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException(spec.logicalId() + " probe failed:\n" + output));
    String[] f = line.split(" ");
    double[] values = new double[6];
    for (int k = 0; k < 6; k++) values[k] = Double.parseDouble(f[k + 1]);
    return values;
  }

  void print(List<Row> rows) {
    out.println();
    String fmt = "%-19s %-7s %-6s %11s %13s %13s %13s %13s %11s %15s %15s%n";
    out.printf(fmt, "function", "priming", "loader", "JVM boot", "init", "priming", "1st call", "1st: handler", "10th call", "init+1st",
        "boot+init+1st");
    out.printf(fmt, "", "", "", "p50/max", "p50/max", "p50/max", "p50/max", "p50/max", "p50/max", "p50/max", "p50/max");
    for (Row r : rows) {
      int n = r.init().length;
      double[] initFirst = new double[n];
      double[] total = new double[n];
      for (int i = 0; i < n; i++) {
        initFirst[i] = r.init()[i] + r.priming()[i] + r.first()[i];
        total[i] = r.boot()[i] + initFirst[i];
      }
      out.printf(fmt, r.function(), r.primed() ? "primed" : "none", r.loader(), pair(r.boot()), pair(r.init()), pair(r.priming()),
          pair(r.first()), r.firstInHandler()[0] < 0 ? "-" : pair(r.firstInHandler()), pair(r.tenth()), pair(initFirst), pair(total));
    }
    out.println("Milliseconds, locally: each JVM has " + LAMBDA_FLAGS + " in JAVA_TOOL_OPTIONS. JVM boot: process start to");
    out.println("the probe's main. init: the handler's class loaded, its serializers built, its constructor run; priming: beforeCheckpoint");
    out.println("of its org.crac resources, as SnapStart runs it before the snapshot (on Lambda the restore replaces boot, init and");
    out.println("priming); init+1st includes priming. loader local: the local stack's (every class scanned, those calling System.getenv");
    out.println("rewritten; a serialization library per function); plain: a URLClassLoader over the artifact, the environment in the");
    out.println("process, as Lambda's runtime loads a function. 1st: handler: of the first call, the time inside handleRequest (the rest");
    out.println("is the runtime's: the event from JSON, the answer to JSON); plain loader only. Rows of one function ran in turn, per round.");
  }

  private static String pair(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format("%,.0f / %,.0f", sorted[sorted.length / 2], sorted[sorted.length - 1]);
  }
}
