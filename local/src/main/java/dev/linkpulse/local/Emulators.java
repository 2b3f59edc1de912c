package dev.linkpulse.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** DynamoDB Local and ElasticMQ, embedded in this JVM. */
final class Emulators implements AutoCloseable {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";

  private final DynamoDBProxyServer dynamo;
  private final SQSRestServer sqs;
  final int dynamoPort;
  final int sqsPort;

  private Emulators(DynamoDBProxyServer dynamo, int dynamoPort, SQSRestServer sqs, int sqsPort) {
    this.dynamo = dynamo;
    this.dynamoPort = dynamoPort;
    this.sqs = sqs;
    this.sqsPort = sqsPort;
  }

  /** Starts both at once (they take most of the start-up time, and neither needs the other). */
  static Emulators start(int dynamoPort, int sqsPort, Path dataDir) throws Exception {
    int dPort = Ports.orFree(dynamoPort);
    int sPort = Ports.orFree(sqsPort);
    Ports.requireFree("DynamoDB Local", dPort);
    Ports.requireFree("ElasticMQ", sPort);
    var sqsFuture = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(sPort)
          .withServerAddress(new NodeAddress("http", "127.0.0.1", sPort, ""))
          .withAWSRegion(REGION).withAWSAccountId(ACCOUNT).start();
      server.waitUntilStarted();
      return server;
    });
    List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-port", Integer.toString(dPort)));
    if (dataDir == null) {
      args.add("-inMemory");
    } else {
      Files.createDirectories(dataDir);
      args.addAll(List.of("-dbPath", dataDir.toString(), "-sharedDb"));
    }
    DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
    dynamo.start();
    return new Emulators(dynamo, dPort, sqsFuture.get(60, TimeUnit.SECONDS), sPort);
  }

  String dynamoEndpoint() {
    return "http://127.0.0.1:" + dynamoPort;
  }

  String sqsEndpoint() {
    return "http://127.0.0.1:" + sqsPort;
  }

  @Override
  public void close() throws Exception {
    try {
      sqs.stopAndGetFuture().apply();
    } finally {
      dynamo.stop();
    }
  }
}
