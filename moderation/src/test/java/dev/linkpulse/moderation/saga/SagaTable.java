package dev.linkpulse.moderation.saga;

import dev.linkpulse.core.Keys;
import dev.linkpulse.emulators.dynamodb.DynamoDbEmulator;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The emulators' DynamoDB engine with one table keyed as LinkpulseTable is (PK, SK), with its review queue index. */
public final class SagaTable implements AutoCloseable {
  final DynamoDbEmulator engine;
  final DynamoDbClient dynamo;
  final String name = "moderation-test";

  public SagaTable() throws Exception {
    engine = DynamoDbEmulator.builder().port(0).start();
    dynamo = client(engine.endpoint());
    dynamo.createTable(t -> t.tableName(name).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName(Keys.PK).attributeType(ScalarAttributeType.S),
            a -> a.attributeName(Keys.SK).attributeType(ScalarAttributeType.S),
            a -> a.attributeName(Keys.REVIEW_PK).attributeType(ScalarAttributeType.S),
            a -> a.attributeName(Keys.REVIEW_SK).attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName(Keys.PK).keyType(KeyType.HASH), k -> k.attributeName(Keys.SK).keyType(KeyType.RANGE))
        .globalSecondaryIndexes(g -> g.indexName(Keys.REVIEW_INDEX).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .keySchema(k -> k.attributeName(Keys.REVIEW_PK).keyType(KeyType.HASH), k -> k.attributeName(Keys.REVIEW_SK).keyType(KeyType.RANGE))));
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public String name() {
    return name;
  }

  /** Links the owner's quota counter says are reserved on {@code day}. */
  public long quotaUsed(String owner, java.time.LocalDate day) {
    var item = dynamo.getItem(r -> r.tableName(name).key(Keys.quota(owner, day)).consistentRead(true)).item();
    return item == null || !item.containsKey("count") ? 0 : Long.parseLong(item.get("count").n());
  }

  static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Override
  public void close() {
    dynamo.close();
    engine.close();
  }
}
