package dev.linkpulse.pipeline.counters;

import dev.linkpulse.pipeline.DynamoDbFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DynamoDB adapter keeps the store's contract, on a real DynamoDB endpoint. */
class DynamoCounterStoreTest extends CounterStoreContract {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();

  @Override
  CounterStore store() {
    return CounterStore.dynamoDb(db.dynamo(), db.table());
  }
}
