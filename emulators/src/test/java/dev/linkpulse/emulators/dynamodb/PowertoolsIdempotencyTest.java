package dev.linkpulse.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.lambda.powertools.idempotency.IdempotencyConfig;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemAlreadyExistsException;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemNotFoundException;
import software.amazon.lambda.powertools.idempotency.persistence.DataRecord;
import software.amazon.lambda.powertools.idempotency.persistence.DynamoDBPersistenceStore;

/**
 * Powertools for AWS Lambda (Java) v1's DynamoDB idempotency store, unchanged, on the engine: its conditional put
 * (an in-progress record blocks a second caller until it expires), its completion update, its read and its delete.
 */
class PowertoolsIdempotencyTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theIdempotencyStoreWorksUnchanged() throws Exception {
    db.dynamo.createTable(r -> r.tableName("idempotency").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(EngineExtension.def("id", ScalarAttributeType.S)).keySchema(EngineExtension.key("id", KeyType.HASH)));
    DynamoDBPersistenceStore store = DynamoDBPersistenceStore.builder().withTableName("idempotency").withDynamoDbClient(db.dynamo).build();
    store.configure(IdempotencyConfig.builder().withExpiration(java.time.Duration.ofHours(1)).build(), "createLink");
    JsonNode request = JSON.readTree("{\"url\":\"https://example.com\",\"key\":\"k-1\"}");
    Instant now = Instant.now(); // Powertools reads the wall clock for a record's status, so the test does too

    assertThatThrownBy(() -> store.getRecord(request, now)).isInstanceOf(IdempotencyItemNotFoundException.class);
    store.saveInProgress(request, now, OptionalInt.of(30_000));
    assertThatThrownBy(() -> store.saveInProgress(request, now.plusSeconds(1), OptionalInt.of(30_000)))
        .as("a second caller while the first is in progress").isInstanceOf(IdempotencyItemAlreadyExistsException.class);
    assertThat(store.getRecord(request, now).getStatus()).isEqualTo(DataRecord.Status.INPROGRESS);

    store.saveSuccess(request, JSON.readTree("{\"code\":\"abc\"}"), now);
    DataRecord done = store.getRecord(request, now.plusSeconds(5));
    assertThat(done.getStatus()).isEqualTo(DataRecord.Status.COMPLETED);
    assertThat(done.getResponseData()).contains("abc");
    assertThatThrownBy(() -> store.saveInProgress(request, now.plusSeconds(10), OptionalInt.of(30_000)))
        .as("a completed record answers repeats until it expires").isInstanceOf(IdempotencyItemAlreadyExistsException.class);
    store.saveInProgress(request, now.plusSeconds(7200), OptionalInt.of(30_000));

    store.deleteRecord(request, new RuntimeException("handler failed"));
    assertThatThrownBy(() -> store.getRecord(request, now)).isInstanceOf(IdempotencyItemNotFoundException.class);
  }
}
