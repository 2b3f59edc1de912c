package dev.linkpulse.emulators.sqs;

import dev.linkpulse.emulators.protocol.AwsAccount;
import java.net.URI;
import java.nio.file.Path;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

/**
 * SQS, served by ElasticMQ (Apache 2.0) in this JVM, in the local account and region: its queue URLs and ARNs are
 * the ones the rest of the local stack hands out. {@link #start} blocks until it answers. With a data directory the
 * queues and their messages survive a crash ({@link SqsPersistence}).
 */
public final class SqsEmulator implements AutoCloseable {
  private final SQSRestServer server;
  private final int port;
  private final SqsPersistence persistence;

  private SqsEmulator(SQSRestServer server, int port, SqsPersistence persistence) {
    this.server = server;
    this.port = port;
    this.persistence = persistence;
  }

  /** @param port a free port (ElasticMQ cannot pick one and say which) */
  public static SqsEmulator start(int port) {
    return start(port, null);
  }

  /** @param dataDir where queues and messages are kept, or null to keep them in memory */
  public static SqsEmulator start(int port, Path dataDir) {
    TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
        .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
        .withAWSRegion(AwsAccount.REGION).withAWSAccountId(AwsAccount.ACCOUNT_ID);
    SqsPersistence persistence = dataDir == null ? null : SqsPersistence.restore(dataDir);
    SQSRestServer server = (persistence == null ? builder : persistence.wire(builder)).start();
    server.waitUntilStarted();
    return new SqsEmulator(server, port, persistence);
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
    }
  }
}
