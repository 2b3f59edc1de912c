package dev.linkpulse.emulators.sqs;

import dev.linkpulse.emulators.protocol.AwsAccount;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

/**
 * SQS, served by ElasticMQ (Apache 2.0) in this JVM, in the local account and region: its queue URLs and ARNs are
 * the ones the rest of the local stack hands out. {@link #start} blocks until it answers. It also knows what
 * ElasticMQ does not answer: the age of each queue's oldest message ({@link #ageOfOldestMessage}). With a data
 * directory the queues and their messages survive a crash ({@link SqsPersistence}).
 */
public final class SqsEmulator implements AutoCloseable {
  private final SQSRestServer server;
  private final int port;
  private final ActorSystem system;
  private final MessageAges ages;
  private final SqsPersistence persistence;

  private SqsEmulator(SQSRestServer server, int port, ActorSystem system, MessageAges ages, SqsPersistence persistence) {
    this.server = server;
    this.port = port;
    this.system = system;
    this.ages = ages;
    this.persistence = persistence;
  }

  /** @param port a free port (ElasticMQ cannot pick one and say which) */
  public static SqsEmulator start(int port) {
    return start(port, null);
  }

  /** @param dataDir where queues and messages are kept, or null to keep them in memory */
  public static SqsEmulator start(int port, Path dataDir) {
    // A server given its actor system leaves it running when it stops: close() ends it.
    ActorSystem system = ActorSystem.create("elasticmq");
    MessageAges ages = new MessageAges();
    SqsPersistence persistence = null;
    try {
      TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
          .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
          .withAWSRegion(AwsAccount.REGION).withAWSAccountId(AwsAccount.ACCOUNT_ID).withActorSystem(system);
      if (dataDir != null) persistence = SqsPersistence.restore(system, dataDir, ages);
      builder = persistence == null ? builder.withQueueEventListener(system.actorOf(MessageAges.Listener.props(ages, null)))
          : persistence.wire(builder);
      SQSRestServer server = builder.start();
      server.waitUntilStarted();
      return new SqsEmulator(server, port, system, ages, persistence);
    } catch (RuntimeException e) {
      if (persistence != null) persistence.close();
      system.terminate();
      throw e;
    }
  }

  /**
   * SQS's {@code ApproximateAgeOfOldestMessage} of the queue named {@code queueName}: the age of its oldest message
   * not deleted (in flight or not), zero when it holds none. In a dead-letter queue a message counts from its move.
   */
  public Duration ageOfOldestMessage(String queueName) {
    return ages.oldest(queueName, Instant.now());
  }

  public int port() {
    return port;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    try {
      server.stopAndGetFuture().apply();
    } finally {
      if (persistence != null) persistence.close();
      system.terminate();
    }
  }
}
