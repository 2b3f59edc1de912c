package dev.linkpulse.emulators.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.testing.AwsEmulators;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * ElasticMQ's database holds its live messages plus a bounded amount of dead space, however many went through it: a
 * queue that keeps 20 messages while 1,000 more are sent, received and deleted never passes 4 MiB, and every live
 * message is still there after a restart. (Without housekeeping, 1,500 cycles of this grew the file to 67 MB, and it
 * grows with every request; with it, 0.3 MB.)
 */
class SqsDataFileSpaceTest {
  static final int LIVE = 20;
  static final int CYCLES = 1_000;
  static final long BOUND = 4L << 20;

  @Test
  void aQueueChurnedThroughAFixedBacklogKeepsItsFileBoundedAndItsMessages(@TempDir Path dataDir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path file = dataDir.resolve("sqs.mv.db");
    long peak = 0;
    try (SqsEmulator sqs = SqsEmulator.start(port, dataDir); SqsClient client = client(sqs)) {
      String url = client.createQueue(r -> r.queueName("clicks")).queueUrl();
      for (int i = 0; i < LIVE; i++) send(client, url, "live-" + i);
      for (int i = 0; i < CYCLES; i++) {
        send(client, url, "churn-" + i);
        // The backlog is taken oldest first: put back what is live, delete what churns.
        for (Message m : client.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1)).messages()) {
          client.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
          if (m.body().startsWith("live-")) send(client, url, m.body());
        }
        if (i % 100 == 0) peak = Math.max(peak, Files.size(file));
      }
      peak = Math.max(peak, Files.size(file));
    }
    try (SqsEmulator sqs = SqsEmulator.start(port, dataDir); SqsClient client = client(sqs)) {
      String url = client.getQueueUrl(r -> r.queueName("clicks")).queueUrl();
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 10 && bodies.size() < LIVE; i++) {
        client.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(60)).messages().forEach(m -> bodies.add(m.body()));
      }
      assertThat(bodies).hasSize(LIVE).doesNotHaveDuplicates();
    }
    assertThat(peak).isLessThan(BOUND);
  }

  private static void send(SqsClient client, String url, String body) {
    client.sendMessage(r -> r.queueUrl(url).messageBody(body));
  }

  private static SqsClient client(SqsEmulator sqs) {
    return SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.of(AwsAccount.REGION))
        .credentialsProvider(AwsEmulators.CREDENTIALS).build();
  }
}
