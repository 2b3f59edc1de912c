package dev.linkpulse.pipeline.live;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Who watches which link: the WebSocket routes add and remove subscriptions, the aggregator's fan-out reads them
 * and drops connections that went away. A subscription lapses at its expiry even if nobody removes it.
 */
public interface Subscriptions {
  /** The subscriptions in the table every function shares; {@code clock} decides which have lapsed. */
  static Subscriptions dynamoDb(DynamoDbClient dynamo, String table, Clock clock) {
    return new DynamoSubscriptions(dynamo, table, clock);
  }

  /** Subscribes {@code connectionId} to {@code code} until {@code expiresAt}; subscribing again renews it. */
  void subscribe(String code, String connectionId, String owner, Instant expiresAt);

  void unsubscribe(String code, String connectionId);

  /** Removes every subscription of a connection (on $disconnect, or when a push finds it gone). */
  void disconnect(String connectionId);

  /** The connections subscribed to {@code code} that have not lapsed. */
  List<String> subscribers(String code);

  /** The codes with subscribers, in one cheap read; it may still name a link whose subscriptions lapsed. */
  Set<String> liveCodes();
}
