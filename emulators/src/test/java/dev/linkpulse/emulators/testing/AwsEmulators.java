package dev.linkpulse.emulators.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.dynamodb.DynamoDbEmulator;
import dev.linkpulse.emulators.protocol.Json;
import dev.linkpulse.emulators.sqs.SqsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The DynamoDB engine and ElasticMQ, started once for all the test classes of this package that register this
 * extension, and stopped when the test run ends; plus real SDK clients pointed at them.
 */
public final class AwsEmulators implements BeforeAllCallback {
  public static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  private static Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(AwsEmulators.class, k -> {
      try {
        return start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the emulators", e);
      }
    }, Running.class);
  }

  public static SqsClient sqs() {
    return running.sqs;
  }

  public static DynamoDbClient dynamo() {
    return running.dynamo;
  }

  public static DynamoDbStreamsClient streams() {
    return running.streams;
  }

  public static EventBridgeClient eventBridge(String endpoint, boolean retries) {
    var builder = EventBridgeClient.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(URI.create(endpoint));
    if (!retries) builder.overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()));
    return builder.build();
  }

  /** A new standard queue; with a DLQ (and RedrivePolicy) when {@code maxReceiveCount} > 0. Returns its URL. */
  public static String queue(String prefix, int maxReceiveCount, String dlqArn) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    var attributes = new java.util.HashMap<QueueAttributeName, String>();
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, "30");
    if (maxReceiveCount > 0) {
      attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}");
    }
    return sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  public static String queueArn(String queueUrl) {
    return sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  /** A new table (PK, SK strings) with a NEW_AND_OLD_IMAGES stream. Returns the stream ARN. */
  public static String tableWithStream(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    return dynamo().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("SK").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build())
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
        .tableDescription().latestStreamArn();
  }

  public static String tableName(String streamArn) {
    String rest = streamArn.substring(streamArn.indexOf(":table/") + ":table/".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  /** The tree of {@code s}, which a test expects to be JSON. */
  public static JsonNode json(String s) {
    try {
      return Json.tree(s);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }

  /** Fails if a thread whose name starts with one of {@code prefixes} is alive (close() must have joined them all). */
  public static void assertNoThreads(String... prefixes) {
    java.util.List<String> alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> java.util.Arrays.stream(prefixes).anyMatch(n::startsWith)).toList();
    org.assertj.core.api.Assertions.assertThat(alive).as("threads left running").isEmpty();
  }

  private static synchronized Running start() throws Exception {
    int sqsPort = freePort();
    SqsEmulator sqsServer = SqsEmulator.start(sqsPort);
    DynamoDbEmulator dynamoServer = DynamoDbEmulator.builder().port(0).start();
    URI sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
    URI dynamoEndpoint = dynamoServer.endpoint();
    var http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30));
    Running r = new Running(sqsServer, dynamoServer,
        SqsClient.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).httpClientBuilder(http).endpointOverride(sqsEndpoint).build(),
        DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).httpClientBuilder(http).endpointOverride(dynamoEndpoint).build(),
        DynamoDbStreamsClient.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).httpClientBuilder(http).endpointOverride(dynamoEndpoint).build());
    running = r;
    return r;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Running(SqsEmulator sqsServer, DynamoDbEmulator dynamoServer, SqsClient sqs, DynamoDbClient dynamo,
      DynamoDbStreamsClient streams) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() throws Exception {
      sqs.close();
      dynamo.close();
      streams.close();
      try {
        sqsServer.close();
      } finally {
        dynamoServer.close();
      }
    }
  }
}
