package dev.linkpulse.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local stack in a JVM of its own, on a data directory, so a test or a chaos run can {@code kill -9} it as an
 * operator's crash would: {@link Process#destroyForcibly()} sends SIGKILL on Linux, and nothing in the stack runs
 * after it. The child ({@link #main}) prints {@code READY <api url> <token>} once it serves, then waits until it is
 * killed. Its output goes to a log file when one is given, else nowhere.
 */
public final class StackProcess implements AutoCloseable {
  /** The ports a stack process listens on, in {@link LocalConfig}'s order. */
  public record StackPorts(int api, int ws, int events, int dynamo, int sqs, int cloudWatch) {
    /** Free ports, chosen now and kept across restarts (a restarted stack answers where the first did). */
    public static StackPorts free() throws IOException {
      return new StackPorts(Ports.orFree(0), Ports.orFree(0), Ports.orFree(0), Ports.orFree(0), Ports.orFree(0), Ports.orFree(0));
    }

    List<String> args() {
      return List.of(Integer.toString(api), Integer.toString(ws), Integer.toString(events), Integer.toString(dynamo),
          Integer.toString(sqs), Integer.toString(cloudWatch));
    }
  }

  private final Process process;
  private final String apiUrl;
  private final String token;

  private StackProcess(Process process, String apiUrl, String token) {
    this.process = process;
    this.apiUrl = apiUrl;
    this.token = token;
  }

  public String apiUrl() {
    return apiUrl;
  }

  /** A token for the user the process was started with. */
  public String token() {
    return token;
  }

  /** Starts a stack on {@code dataDir}, waits until it serves; {@code log} (nullable) receives its output. */
  public static StackProcess start(Path dataDir, StackPorts ports, String user, Path log) throws IOException {
    return start(dataDir, ports, user, log, Map.of());
  }

  /** As {@link #start(Path, StackPorts, String, Path)}, with these template parameters overridden. */
  public static StackProcess start(Path dataDir, StackPorts ports, String user, Path log, Map<String, String> parameters) throws IOException {
    return start(dataDir, ports, user, log, parameters, List.of());
  }

  /** As {@link #start(Path, StackPorts, String, Path, Map)}, the child JVM given {@code jvmOptions} (e.g. {@code -Dname=value}). */
  public static StackProcess start(Path dataDir, StackPorts ports, String user, Path log, Map<String, String> parameters,
      List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
        "-Dlinkpulse.root=" + LocalConfig.findRoot()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), StackProcess.class.getName(), dataDir.toString(), user));
    command.addAll(ports.args());
    parameters.forEach((name, value) -> command.add(name + "=" + value));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter file = log == null ? null : new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true);
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (file != null) file.println(line);
      if (line.startsWith("READY ")) {
        String[] parts = line.split(" ");
        Thread drain = new Thread(() -> out.lines().forEach(l -> { if (file != null) file.println(l); }), "stack-process-output");
        drain.setDaemon(true);
        drain.start();
        return new StackProcess(process, parts[1], parts[2]);
      }
    }
    throw new IOException("the stack process ended before it served (exit " + waitExit(process) + ")" + (log == null ? "" : "; see " + log));
  }

  /** kill -9: no shutdown hook, no close, no flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }

  private static int waitExit(Process p) {
    try {
      return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (InterruptedException e) {
      return -1;
    }
  }

  /** {@code DATA_DIR USER API WS EVENTS DYNAMODB SQS CLOUDWATCH [PARAMETER=VALUE ...]}. */
  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    for (int i = 8; i < args.length; i++) parameters.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
    LocalConfig config = new LocalConfig(LocalConfig.findRoot(), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
        Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]), dataDir, parameters, false);
    LocalStack stack;
    try {
      stack = LocalStack.start(config);
    } catch (Exception | Error e) {
      // The emulators' threads outlive a failed boot; without an exit the parent would wait for READY for ever.
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println("READY " + stack.apiUrl() + " " + stack.token(args[1]));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
