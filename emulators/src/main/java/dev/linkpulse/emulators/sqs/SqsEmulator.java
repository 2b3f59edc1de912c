package dev.linkpulse.emulators.sqs;

import dev.linkpulse.emulators.protocol.AwsAccount;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * SQS, served by ElasticMQ (Apache 2.0) in this JVM, in the local account and region: its queue URLs and ARNs are
 * the ones the rest of the local stack hands out. {@link #start} blocks until it answers.
 */
public final class SqsEmulator implements AutoCloseable {
  private final SQSRestServer server;
  private final int port;

  private SqsEmulator(SQSRestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** @param port a free port (ElasticMQ cannot pick one and say which) */
  public static SqsEmulator start(int port) {
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
        .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
        .withAWSRegion(AwsAccount.REGION).withAWSAccountId(AwsAccount.ACCOUNT_ID).start();
    server.waitUntilStarted();
    return new SqsEmulator(server, port);
  }

  public int port() {
    return port;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    server.stopAndGetFuture().apply();
  }
}
