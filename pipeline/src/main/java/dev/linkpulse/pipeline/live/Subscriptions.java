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

  /** Subscribes a connection to {@code code} until {@code expiresAt}; subscribing again renews and replaces it. */
  void subscribe(String code, Subscriber subscriber, Instant expiresAt);

  void unsubscribe(String code, String connectionId);

  /** Removes every subscription of a connection (on $disconnect, or when a push finds it gone). */
  void disconnect(String connectionId);

  /** The subscriptions to {@code code} that have not lapsed, whatever life of the code they were made for. */
  List<Subscriber> subscribers(String code);

  /** The codes with subscribers, in one cheap read; it may still name a link whose subscriptions lapsed. */
  Set<String> liveCodes();
}
