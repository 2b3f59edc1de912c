package dev.linkpulse.local;

import dev.linkpulse.emulators.dynamodb.DynamoDbEmulator;
import dev.linkpulse.emulators.sqs.SqsEmulator;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The DynamoDB engine and SQS (ElasticMQ), both from the emulators module, embedded in this JVM. */
final class Emulators implements AutoCloseable {
  private final DynamoDbEmulator dynamo;
  private final SqsEmulator sqs;
  final int dynamoPort;
  final int sqsPort;

  private Emulators(DynamoDbEmulator dynamo, int dynamoPort, SqsEmulator sqs, int sqsPort) {
    this.dynamo = dynamo;
    this.dynamoPort = dynamoPort;
    this.sqs = sqs;
    this.sqsPort = sqsPort;
  }

  /** Starts both at once (they take most of the start-up time, and neither needs the other). */
  static Emulators start(int dynamoPort, int sqsPort, Path dataDir) throws Exception {
    int dPort = Ports.orFree(dynamoPort);
    int sPort = Ports.orFree(sqsPort);
    Ports.requireFree("DynamoDB", dPort);
    Ports.requireFree("ElasticMQ", sPort);
    var sqsFuture = java.util.concurrent.CompletableFuture.supplyAsync(() -> SqsEmulator.start(sPort, dataDir));
    DynamoDbEmulator dynamo = DynamoDbEmulator.builder().port(dPort).dataDirectory(dataDir).start();
    return new Emulators(dynamo, dPort, sqsFuture.get(60, TimeUnit.SECONDS), sPort);
  }

  /** The DynamoDB engine's fault switches, for drills. */
  dev.linkpulse.emulators.dynamodb.DynamoDbFaults dynamoFaults() {
    return dynamo.faults();
  }

  /** SQS's ApproximateAgeOfOldestMessage of a queue, which ElasticMQ does not answer (the emulator tracks it). */
  java.time.Duration ageOfOldestMessage(String queueName) {
    return sqs.ageOfOldestMessage(queueName);
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
      sqs.close();
    } finally {
      dynamo.close();
    }
  }
}
