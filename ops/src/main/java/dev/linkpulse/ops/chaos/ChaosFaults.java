package dev.linkpulse.ops.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.protocol.AwsAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The faults a chaos run injects into a running stack, each through the stack's own doors: the clicks queue (SQS),
 * the stack's drill route and the DynamoDB engine's fault switches. Each returns how many things it touched, for the
 * run's table. None of them may change what is counted: a duplicate is absorbed by the recorder (one raw click per
 * event id), a crash or a throttle is retried, a poison message is never a click, a parked click comes back with
 * the redrive.
 */
final class ChaosFaults implements AutoCloseable {
  /** Malformed click messages: not JSON, no detail, a detail without an event id, one whose event id is no UUID. */
  static final List<String> POISON = List.of("not json at all", "{}", "{\"detail-type\":\"click\",\"detail\":{}}",
      "{\"detail-type\":\"click\",\"detail\":{\"schemaVersion\":1,\"eventId\":\"not-a-uuid\",\"code\":\"x\"}}");

  private final HttpClient http = HttpClient.newHttpClient();
  private final SqsClient sqs;
  private final URI api;
  private final URI dynamo;
  private final String clicksQueue;
  private final String clicksDlq;

  ChaosFaults(String apiUrl, String sqsEndpoint, String dynamoEndpoint) {
    this.api = URI.create(apiUrl);
    this.dynamo = URI.create(dynamoEndpoint);
    this.sqs = SqsClient.builder().endpointOverride(URI.create(sqsEndpoint)).region(Region.of(AwsAccount.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    this.clicksQueue = queue("ClicksQueue");
    this.clicksDlq = queue("ClicksDLQ");
  }

  String clicksDlq() {
    return clicksDlq;
  }

  private String queue(String logicalId) {
    return sqs.listQueues().queueUrls().stream().filter(u -> u.substring(u.lastIndexOf('/') + 1).contains(logicalId))
        .filter(u -> logicalId.endsWith("DLQ") || !u.contains("DLQ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("the stack has no queue " + logicalId));
  }

  /**
   * Takes up to ten click messages off the clicks queue for a moment (they come back after a second) and sends each
   * again: half as EventBridge's at-least-once delivery would (the same envelope), half as the redirect's retried
   * publish would (a new envelope, the same click).
   */
  int duplicatePublishes() throws IOException {
    List<Message> seen = receive(1);
    int n = 0;
    for (Message m : seen) {
      String body = m.body();
      if (n % 2 == 1) {
        ObjectNode envelope = (ObjectNode) Json.tree(body);
        body = Json.write(envelope.put("id", UUID.randomUUID().toString()));
      }
      String copy = body;
      sqs.sendMessage(b -> b.queueUrl(clicksQueue).messageBody(copy));
      n++;
    }
    return n;
  }

  int poisonMessages() {
    for (String body : POISON) sqs.sendMessage(b -> b.queueUrl(clicksQueue).messageBody(body));
    return POISON.size();
  }

  /** Moves up to ten click messages to the clicks DLQ, as a recorder outage that outlasted the retries would. */
  int parkInDlq() {
    List<Message> taken = receive(60);
    for (Message m : taken) {
      sqs.sendMessage(b -> b.queueUrl(clicksDlq).messageBody(m.body()));
      sqs.deleteMessage(b -> b.queueUrl(clicksQueue).receiptHandle(m.receiptHandle()));
    }
    return taken.size();
  }

  /** Messages in the clicks DLQ, visible or not. */
  long dlqDepth() {
    return depth(clicksDlq);
  }

  /**
   * Messages in the clicks queue, visible or not: clicks not yet recorded. (The DLQ is not waited on: the poison
   * messages end there for good.)
   */
  long backlog() {
    return depth(clicksQueue);
  }

  private long depth(String queueUrl) {
    var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /**
   * Tries for up to 30 s, while the stretch's clicks flow, so a queue the recorder keeps nearly empty still gives
   * something.
   */
  private List<Message> receive(int visibilitySeconds) {
    for (int attempt = 0; attempt < 30; attempt++) {
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(clicksQueue).maxNumberOfMessages(10).waitTimeSeconds(1)
          .visibilityTimeout(visibilitySeconds)).messages();
      if (!got.isEmpty()) return got;
    }
    return List.of();
  }

  /** Every recorder invocation fails before its handler runs, for {@code seconds} (the stack's recorder-throws drill). */
  void recorderCrashes(long seconds) throws IOException, InterruptedException {
    post(api.resolve("/_admin/drills"), Json.write(Map.of("drill", "recorder-throws", "share", 1.0, "seconds", seconds)));
  }

  /** The aggregator's counter writes (PutItem) fail, so its stream batches fail and are retried. */
  void aggregatorCrashes() throws IOException, InterruptedException {
    post(dynamo.resolve("/_admin/faults"), Json.write(Map.of("table", "*", "operation", "PutItem", "share", 1.0, "errorType", "InternalServerError")));
  }

  /** Half of the recorder's writes (BatchWriteItem) are throttled. */
  void throttling() throws IOException, InterruptedException {
    post(dynamo.resolve("/_admin/faults"), Json.write(Map.of("table", "*", "operation", "BatchWriteItem", "share", 0.5,
        "errorType", "ProvisionedThroughputExceededException")));
  }

  void clearDynamoFaults() throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(dynamo.resolve("/_admin/faults")).DELETE().build());
  }

  private void post(URI uri, String body) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private void send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
  }

  @Override
  public void close() {
    sqs.close();
  }
}
