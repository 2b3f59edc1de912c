package dev.linkpulse.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local stack in a JVM of its own, on a data directory, so a test can {@code kill -9} it as an operator's crash
 * would: {@link Process#destroyForcibly()} sends SIGKILL on Linux, and nothing in the stack runs after it. The child
 * ({@link #main}) prints {@code READY <api url> <token>} once it serves, then waits until it is killed.
 */
final class StackProcess implements AutoCloseable {
  private final Process process;
  final String apiUrl;
  final String token;

  private StackProcess(Process process, String apiUrl, String token) {
    this.process = process;
    this.apiUrl = apiUrl;
    this.token = token;
  }

  /** Starts a stack on {@code dataDir} with fixed {@code ports} (api, ws, events, dynamodb, sqs, cloudwatch), and waits until it serves. */
  static StackProcess start(Path dataDir, int[] ports, String user) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dlinkpulse.root=" + LocalConfig.findRoot(), "-cp", System.getProperty("java.class.path"), StackProcess.class.getName(),
        dataDir.toString(), user));
    for (int p : ports) command.add(Integer.toString(p));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("READY ")) {
        String[] parts = line.split(" ");
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "stack-process-output");
        drain.setDaemon(true);
        drain.start();
        return new StackProcess(process, parts[1], parts[2]);
      }
    }
    throw new IOException("the stack process ended before it served (exit " + waitExit(process) + ")");
  }

  /** kill -9: no shutdown hook, no close, no flush. */
  void kill() throws InterruptedException {
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

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    LocalConfig config = new LocalConfig(LocalConfig.findRoot(), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
        Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]), dataDir, Map.of(), false);
    LocalStack stack = LocalStack.start(config);
    System.out.println("READY " + stack.apiUrl() + " " + stack.token(args[1]));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

}
