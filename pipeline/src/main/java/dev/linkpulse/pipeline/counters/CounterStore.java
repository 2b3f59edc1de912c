package dev.linkpulse.pipeline.counters;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hourly counters, as the aggregator advances them and the stats API reads them. Writes are compare-and-set on a
 * version, which is what lets {@link CounterAggregator} fold a batch exactly once with concurrent writers.
 */
public interface CounterStore {
  /** The counters in the table every function shares (keys from {@link dev.linkpulse.core.Keys}). */
  static CounterStore dynamoDb(DynamoDbClient dynamo, String table) {
    return new DynamoCounterStore(dynamo, table);
  }

  /** The counter of {@code code} for the UTC hour starting at {@code hour}, as last saved (read-your-writes); empty if none. */
  CounterState load(String code, Instant hour);

  /**
   * Stores {@code state} if the stored counter is still the version {@code state} was loaded at (none stored, for
   * version 0), and advances the stored version; false, storing nothing, when another writer saved first.
   */
  boolean save(CounterState state);

  /** Every stored counter of {@code code} whose hour overlaps [from, to), oldest first. */
  List<CounterState> range(String code, Instant from, Instant to);
}
