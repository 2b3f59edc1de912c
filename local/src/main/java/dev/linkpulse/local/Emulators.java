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
    return new Emulators(dynamo, dPort, awaitSqs(sqsFuture, dynamo), sPort);
  }

  /**
   * ElasticMQ's start (an actor system, and with a data directory its H2 store) took over a minute when the machine
   * ran a load of 30, so a one-minute limit failed healthy starts there. A start that never ends still ends the
   * stack, with its cause.
   */
  static final java.time.Duration SQS_START_TIMEOUT = java.time.Duration.ofMinutes(5);

  private static SqsEmulator awaitSqs(java.util.concurrent.CompletableFuture<SqsEmulator> sqsFuture, DynamoDbEmulator dynamo) throws Exception {
    try {
      return sqsFuture.get(SQS_START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      dynamo.close();
      throw new IllegalStateException("ElasticMQ (SQS) did not start within " + SQS_START_TIMEOUT.toMinutes() + " minutes", e);
    } catch (java.util.concurrent.ExecutionException e) {
      dynamo.close();
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
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
