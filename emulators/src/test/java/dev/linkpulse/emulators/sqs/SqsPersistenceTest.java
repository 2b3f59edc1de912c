package dev.linkpulse.emulators.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.testing.AwsEmulators;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** With a data directory, "a message is stored until a consumer deletes it" holds across a restart of the emulator. */
class SqsPersistenceTest {
  private static SqsClient client(SqsEmulator sqs) {
    return SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.of(AwsAccount.REGION))
        .credentialsProvider(AwsEmulators.CREDENTIALS).build();
  }

  @Test
  void queuesAndUndeletedMessagesSurviveARestartAndDeletedOnesDoNot(@TempDir Path dataDir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (SqsEmulator first = SqsEmulator.start(port, dataDir); SqsClient sqs = client(first)) {
      String url = sqs.createQueue(r -> r.queueName("kept")).queueUrl();
      for (String body : List.of("one", "two", "three")) sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
      Message taken = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1)).messages().get(0);
      sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(taken.receiptHandle()));
    }
    try (SqsEmulator second = SqsEmulator.start(port, dataDir); SqsClient sqs = client(second)) {
      String url = sqs.getQueueUrl(r -> r.queueName("kept")).queueUrl();
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 5 && bodies.size() < 2; i++) {
        sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages().forEach(m -> bodies.add(m.body()));
      }
      assertThat(bodies).hasSize(2).doesNotHaveDuplicates().isSubsetOf("one", "two", "three");
    }
  }
}
