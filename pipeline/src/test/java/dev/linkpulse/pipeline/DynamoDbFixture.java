package dev.linkpulse.pipeline;

import dev.linkpulse.core.Keys;
import dev.linkpulse.emulators.dynamodb.DynamoDbEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
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
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A DynamoDB endpoint for the pipeline's adapter tests: one engine per test JVM, and a fresh table per test class
 * with the keys template.yaml gives {@code LinkpulseTable} (PK/SK, the GSI1 owner index). Tests reach it through
 * the real SDK client, exactly as the functions do.
 *
 * <pre>
 * {@literal @}RegisterExtension static final DynamoDbFixture db = new DynamoDbFixture();
 * ... CounterStore.dynamoDb(db.dynamo(), db.table())
 * </pre>
 *
 * <p>The engine is the emulators module's own DynamoDB engine, in memory; {@link #startEngine} is the one line
 * that names it.
 */
public final class DynamoDbFixture implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynamoDbFixture.class);
  private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  /** A started engine: where it listens, and how to stop it. */
  record Engine(URI endpoint, AutoCloseable stop) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      stop.close();
    }
  }

  private DynamoDbClient dynamo;
  private String table;

  /** The engine every test class shares. Switching engines is this one line. */
  private static Engine startEngine() throws Exception {
    DynamoDbEmulator engine = DynamoDbEmulator.builder().port(0).start();
    return new Engine(engine.endpoint(), engine::close);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Engine engine = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Engine.class, k -> {
      try {
        return startEngine();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the DynamoDB engine", e);
      }
    }, Engine.class);
    dynamo = DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30))).build();
    table = "pipeline-test-" + UUID.randomUUID().toString().substring(0, 8);
    createTable();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (dynamo == null) return;
    dynamo.deleteTable(r -> r.tableName(table));
    dynamo.close();
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public String table() {
    return table;
  }

  private void createTable() {
    dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(string(Keys.PK), string(Keys.SK), string(Keys.GSI1PK), string(Keys.GSI1SK))
        .keySchema(key(Keys.PK, KeyType.HASH), key(Keys.SK, KeyType.RANGE))
        .globalSecondaryIndexes(g -> g.indexName(Keys.GSI1).keySchema(key(Keys.GSI1PK, KeyType.HASH), key(Keys.GSI1SK, KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
