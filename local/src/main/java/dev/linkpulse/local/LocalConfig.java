package dev.linkpulse.local;

import dev.linkpulse.template.RepositoryRoot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stack listens and keeps its state. Ports are fixed by default so that {@code ./linkpulse env}
 * and a browser bookmark keep working across restarts; tests pass 0 to get free ones.
 */
public record LocalConfig(Path root, int apiPort, int wsPort, int eventsPort, int dynamoPort, int sqsPort, int cloudWatchPort,
    Path dataDir, Map<String, String> parameterOverrides, boolean lambdaReports) {

  public static final int API_PORT = 8080;
  public static final int WS_PORT = 8081;
  public static final int EVENTS_PORT = 8082;
  public static final int DYNAMODB_PORT = 8000;
  public static final int SQS_PORT = 9324;
  public static final int CLOUDWATCH_PORT = 8083;

  public static LocalConfig defaults(Path root) {
    return new LocalConfig(root, API_PORT, WS_PORT, EVENTS_PORT, DYNAMODB_PORT, SQS_PORT, CLOUDWATCH_PORT, null, Map.of(), false);
  }

  /** Every port 0 (free ports chosen at start), in-memory data: what tests use. */
  public static LocalConfig ephemeral(Path root) {
    return new LocalConfig(root, 0, 0, 0, 0, 0, 0, null, Map.of(), false);
  }

  public LocalConfig withParameters(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(parameterOverrides);
    merged.putAll(overrides);
    return new LocalConfig(root, apiPort, wsPort, eventsPort, dynamoPort, sqsPort, cloudWatchPort, dataDir, merged, lambdaReports);
  }

  /** A Lambda-style REPORT line after every invocation, not only after each cold start's first. */
  public LocalConfig withLambdaReports(boolean every) {
    return new LocalConfig(root, apiPort, wsPort, eventsPort, dynamoPort, sqsPort, cloudWatchPort, dataDir, parameterOverrides, every);
  }

  public Path template() {
    return root.resolve("template.yaml");
  }

  /** The issuer key and other state that must outlive one run; the launcher and the stack share it. */
  public Path stateDir() {
    return root.resolve(".linkpulse");
  }

  /** The repository root ({@link RepositoryRoot#find}). */
  public static Path findRoot() {
    return RepositoryRoot.find();
  }
}
