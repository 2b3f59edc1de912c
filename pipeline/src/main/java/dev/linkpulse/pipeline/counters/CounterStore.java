package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.links.LinkLife;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hourly counters, as the aggregator advances them and the stats API reads them. Writes are compare-and-set on a
 * version, which is what lets {@link CounterAggregator} fold a batch exactly once with concurrent writers.
 */
public interface CounterStore {
  /** How long a counter is kept after its hour, unless configured ({@code STATS_RETENTION_DAYS}, template.yaml). */
  Duration DEFAULT_RETENTION = Duration.ofDays(400);

  /** The counters in the table every function shares (keys from {@link dev.linkpulse.core.Keys}), kept the default time. */
  static CounterStore dynamoDb(DynamoDbClient dynamo, String table) {
    return dynamoDb(dynamo, table, DEFAULT_RETENTION);
  }

  /** As above; a saved counter expires (table TTL) {@code retention} after its hour, whether its link lives on or not. */
  static CounterStore dynamoDb(DynamoDbClient dynamo, String table, Duration retention) {
    return new DynamoCounterStore(dynamo, table, retention);
  }

  /** The counter of one life of a link for the UTC hour starting at {@code hour}, as last saved (read-your-writes); empty if none. */
  CounterState load(LinkLife life, Instant hour);

  /**
   * Stores {@code state} if the stored counter is still the version {@code state} was loaded at (none stored, for
   * version 0), and advances the stored version; false, storing nothing, when another writer saved first.
   */
  boolean save(CounterState state);

  /** Every stored counter of one life of a link whose hour overlaps [from, to), oldest first; never another life's. */
  List<CounterState> range(LinkLife life, Instant from, Instant to);
}
