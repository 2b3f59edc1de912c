package dev.linkpulse.ops;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Start the whole system locally (from template.yaml) and keep it running until Ctrl-C.")
final class UpCommand implements Callable<Integer> {
  @Option(names = "--api-port", description = "HTTP API port (default ${DEFAULT-VALUE})") int apiPort = LocalConfig.API_PORT;
  @Option(names = "--ws-port", description = "WebSocket API port (default ${DEFAULT-VALUE})") int wsPort = LocalConfig.WS_PORT;
  @Option(names = "--events-port", description = "EventBridge endpoint port (default ${DEFAULT-VALUE})") int eventsPort = LocalConfig.EVENTS_PORT;
  @Option(names = "--dynamodb-port", description = "DynamoDB engine port (default ${DEFAULT-VALUE})") int dynamoPort = LocalConfig.DYNAMODB_PORT;
  @Option(names = "--sqs-port", description = "ElasticMQ (SQS) port (default ${DEFAULT-VALUE})") int sqsPort = LocalConfig.SQS_PORT;
  @Option(names = "--data", paramLabel = "DIR", description = "Keep DynamoDB data in DIR across restarts (default: in memory)") Path dataDir;
  @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "Override a template parameter (repeatable)") Map<String, String> parameters = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    for (int port : new int[] {apiPort, wsPort, eventsPort, dynamoPort, sqsPort}) {
      if (port < 1 || port > 65535) throw new UsageError("ports must be between 1 and 65535, got " + port);
    }
    if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) throw new UsageError("--data " + dataDir + " is not a directory");
    Path root = LocalConfig.findRoot();
    LocalConfig config = new LocalConfig(root, apiPort, wsPort, eventsPort, dynamoPort, sqsPort,
        dataDir == null ? null : dataDir.toAbsolutePath(), Map.of()).withParameters(parameters);
    LocalStack stack;
    try {
      stack = LocalStack.start(config);
    } catch (IllegalStateException e) {
      System.err.println("linkpulse up: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("\nStopping the local stack...");
      try {
        Files.deleteIfExists(StackFile.path(config.stateDir()));
      } catch (Exception ignored) {
        // the stack file only points at a stack that is going away; a stale one is detected by its dead pid
      }
      stack.close();
      stopped.countDown();
    }, "linkpulse-shutdown"));
    StackFile.write(config.stateDir(), stack.environment(), stack.issuer().issuer(), ProcessHandle.current().pid());
    stack.printSummary(System.out);
    System.out.flush();
    stopped.await();
    return 0;
  }
}
