package dev.linkpulse.emulators.dynamodb;

import dev.linkpulse.emulators.time.ManualTimeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One engine per test class on a free port and a manual timeline, with the real SDK v2 clients (no retries, so a
 * throttle or fault shows as the exception DynamoDB returns) and helpers to make tables and values.
 */
final class EngineExtension implements BeforeAllCallback, AfterAllCallback {
  static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
  private final Consumer<DynamoDbEmulator.Builder> settings;
  ManualTimeline timeline;
  DynamoDbEmulator engine;
  DynamoDbClient dynamo;
  DynamoDbStreamsClient streams;

  EngineExtension() {
    this(b -> {});
  }

  EngineExtension(Consumer<DynamoDbEmulator.Builder> settings) {
    this.settings = settings;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start(null);
  }

  void start(Path data) throws Exception {
    if (timeline == null) timeline = new ManualTimeline(START);
    DynamoDbEmulator.Builder b = DynamoDbEmulator.builder().port(0).timeline(timeline).dataDirectory(data);
    settings.accept(b);
    engine = b.start();
    dynamo = dynamo(engine);
    streams = streams(engine);
  }

  void stop() {
    dynamo.close();
    streams.close();
    engine.close();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  static DynamoDbClient dynamo(DynamoDbEmulator engine) {
    return DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(engine.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))).build();
  }

  static DynamoDbStreamsClient streams(DynamoDbEmulator engine) {
    return DynamoDbStreamsClient.builder().region(Region.US_EAST_1).endpointOverride(engine.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
  }

  /** A new on-demand table with string keys PK (and SK unless {@code range} is null). */
  String table(String range, Consumer<CreateTableRequest.Builder> more) {
    String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
    if (range == null) {
      b.attributeDefinitions(def("PK", ScalarAttributeType.S)).keySchema(key("PK", KeyType.HASH));
    } else {
      b.attributeDefinitions(def("PK", ScalarAttributeType.S), def(range, ScalarAttributeType.S))
          .keySchema(key("PK", KeyType.HASH), key(range, KeyType.RANGE));
    }
    more.accept(b);
    dynamo.createTable(b.build());
    return name;
  }

  String table() {
    return table("SK", b -> {});
  }

  static AttributeDefinition def(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static AttributeValue s(String s) {
    return AttributeValue.fromS(s);
  }

  static AttributeValue n(String n) {
    return AttributeValue.fromN(n);
  }

  static AttributeValue l(AttributeValue... values) {
    return AttributeValue.fromL(List.of(values));
  }

  static AttributeValue m(Map<String, AttributeValue> values) {
    return AttributeValue.fromM(values);
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", s(pk), "SK", s(sk));
  }
}
