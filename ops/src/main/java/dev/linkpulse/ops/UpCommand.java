package dev.linkpulse.ops;

import dev.linkpulse.emulators.time.Timeline;
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

@Command(name = "up", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse up",
        "  ./linkpulse up --api-port 18080 --parameter LinkCacheSeconds=5",
        "  ./linkpulse up --data .linkpulse/data --lambda-reports",
        "  ./linkpulse up --speed 60        (a 5-minute canary bakes in 5 s; alarms evaluate every second)"},
    description = "Start the whole system locally (from template.yaml) and keep it running until Ctrl-C.")
final class UpCommand implements Callable<Integer> {
  @Option(names = "--api-port", defaultValue = "${env:LINKPULSE_API_PORT:-" + LocalConfig.API_PORT + "}",
      description = "HTTP API port (default ${DEFAULT-VALUE}, or $LINKPULSE_API_PORT)") int apiPort;
  @Option(names = "--ws-port", defaultValue = "${env:LINKPULSE_WS_PORT:-" + LocalConfig.WS_PORT + "}",
      description = "WebSocket API port (default ${DEFAULT-VALUE}, or $LINKPULSE_WS_PORT)") int wsPort;
  @Option(names = "--events-port", defaultValue = "${env:LINKPULSE_EVENTS_PORT:-" + LocalConfig.EVENTS_PORT + "}",
      description = "EventBridge endpoint port (default ${DEFAULT-VALUE}, or $LINKPULSE_EVENTS_PORT)") int eventsPort;
  @Option(names = "--dynamodb-port", defaultValue = "${env:LINKPULSE_DYNAMODB_PORT:-" + LocalConfig.DYNAMODB_PORT + "}",
      description = "DynamoDB engine port (default ${DEFAULT-VALUE}, or $LINKPULSE_DYNAMODB_PORT)") int dynamoPort;
  @Option(names = "--sqs-port", defaultValue = "${env:LINKPULSE_SQS_PORT:-" + LocalConfig.SQS_PORT + "}",
      description = "ElasticMQ (SQS) port (default ${DEFAULT-VALUE}, or $LINKPULSE_SQS_PORT)") int sqsPort;
  @Option(names = "--cloudwatch-port", defaultValue = "${env:LINKPULSE_CLOUDWATCH_PORT:-" + LocalConfig.CLOUDWATCH_PORT + "}",
      description = "CloudWatch endpoint port (default ${DEFAULT-VALUE}, or $LINKPULSE_CLOUDWATCH_PORT)") int cloudWatchPort;
  @Option(names = "--data", paramLabel = "DIR", description = "Keep the stack's state in DIR across restarts, a kill -9 included: DynamoDB tables, SQS queues, "
      + "events EventBridge accepted and has not delivered yet, Step Functions executions (default: in memory, nothing survives)") Path dataDir;
  @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "Override a template parameter (repeatable)") Map<String, String> parameters = new LinkedHashMap<>();
  @Option(names = "--lambda-reports", description = "Log a Lambda REPORT line (duration, billed, memory) after every invocation; "
      + "without it, only after each cold start's first, with its Init Duration") boolean lambdaReports;
  @Option(names = "--speed", paramLabel = "N", converter = SpeedConverter.class, defaultValue = "1",
      description = "Run the stack's clock N times faster than the wall clock (default ${DEFAULT-VALUE}): alarm periods and "
          + "evaluations, deployments' waits and bake times, the saga's waits and timeouts, drills. The functions keep the wall "
          + "clock; their metrics are stamped onto the stack's clock as they are collected") double speed;

  @Override
  public Integer call() throws Exception {
    for (int port : new int[] {apiPort, wsPort, eventsPort, dynamoPort, sqsPort, cloudWatchPort}) {
      if (port < 1 || port > 65535) throw new UsageError("ports must be between 1 and 65535, got " + port);
    }
    if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) throw new UsageError("--data " + dataDir + " is not a directory");
    Path root = LocalConfig.findRoot();
    LocalConfig config = new LocalConfig(root, apiPort, wsPort, eventsPort, dynamoPort, sqsPort, cloudWatchPort,
        dataDir == null ? null : dataDir.toAbsolutePath(), Map.of(), lambdaReports).withParameters(parameters);
    LocalStack stack;
    try {
      stack = LocalStack.start(config, speed == 1 ? Timeline.system() : Timeline.scaled(speed));
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
    if (speed != 1) System.out.printf(java.util.Locale.ROOT, "Clock: %sx the wall clock (./linkpulse deploy runs at it)%n", SpeedConverter.format(speed));
    System.out.flush();
    stopped.await();
    return 0;
  }
}
