package dev.linkpulse.emulators.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.emulators.testing.AwsEmulators;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS's {@code ApproximateAgeOfOldestMessage}, which ElasticMQ does not answer, from the emulator's own tracking:
 * "the approximate age of the oldest non-deleted message in the queue"; for a standard queue's dead-letter queue,
 * the age counts from when the message was moved there ("indicates when the message moved to the dead-letter queue,
 * not when the message was originally sent").
 */
class ApproximateAgeOfOldestMessageTest {
  static SqsEmulator sqs;
  static SqsClient client;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    sqs = SqsEmulator.start(port);
    client = SqsClient.builder().region(Region.US_EAST_1).credentialsProvider(AwsEmulators.CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(sqs.endpoint()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sqs.close();
  }

  static String queue(String name, Map<QueueAttributeName, String> attributes) {
    return client.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  static Message receive(String url, int visibility) {
    return client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(visibility).maxNumberOfMessages(1)).messages().get(0);
  }

  @Test
  void theOldestNonDeletedMessage_inFlightOrNot_setsTheAge_andAnEmptyQueueIsZero() {
    String url = queue("age-plain", Map.of());
    assertThat(sqs.ageOfOldestMessage("age-plain")).isZero();
    client.sendMessage(b -> b.queueUrl(url).messageBody("first"));
    await().atMost(Duration.ofSeconds(30)).until(() -> sqs.ageOfOldestMessage("age-plain").compareTo(Duration.ofSeconds(2)) >= 0);
    client.sendMessage(b -> b.queueUrl(url).messageBody("second"));
    Message first = receive(url, 30);
    assertThat(first.body()).isEqualTo("first");
    assertThat(sqs.ageOfOldestMessage("age-plain")).as("in flight still counts").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    client.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()));
    assertThat(sqs.ageOfOldestMessage("age-plain")).as("the second, just sent").isLessThan(Duration.ofSeconds(2));
    Message second = receive(url, 30);
    client.deleteMessage(b -> b.queueUrl(url).receiptHandle(second.receiptHandle()));
    assertThat(sqs.ageOfOldestMessage("age-plain")).isZero();
    assertThat(sqs.ageOfOldestMessage("no-such-queue")).isZero();
  }

  @Test
  void inADeadLetterQueue_theAgeCountsFromTheMove() {
    String dlq = queue("age-dlq", Map.of());
    String dlqArn = client.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
    String source = queue("age-source", Map.of(QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}"));
    client.sendMessage(b -> b.queueUrl(source).messageBody("poison"));
    receive(source, 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> sqs.ageOfOldestMessage("age-source").compareTo(Duration.ofSeconds(3)) >= 0);
    Duration inSource = sqs.ageOfOldestMessage("age-source");
    assertThat(client.receiveMessage(b -> b.queueUrl(source).maxNumberOfMessages(1)).messages()).as("moved, not received").isEmpty();
    assertThat(sqs.ageOfOldestMessage("age-source")).isZero();
    assertThat(sqs.ageOfOldestMessage("age-dlq")).isLessThan(inSource);
    assertThat(client.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(1)).messages()).extracting(Message::body).containsExactly("poison");
  }
}
