package dev.linkpulse.pipeline.live;

import dev.linkpulse.core.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link Subscriptions} on the table. A subscription is two items with a TTL: one under the link, so one query finds
 * its subscribers, one under the connection, so $disconnect finds what to remove. The {@code LIVE} item's string set
 * names every watched link, so the aggregator can skip the subscriber query for the (many) links nobody watches.
 */
final class DynamoSubscriptions implements Subscriptions {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  DynamoSubscriptions(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public void subscribe(String code, Subscriber subscriber, Instant expiresAt) {
    String expires = Long.toString(expiresAt.getEpochSecond());
    String connectionId = subscriber.connectionId();
    Map<String, AttributeValue> forward = new HashMap<>(Keys.subscription(code, connectionId));
    forward.put("connectionId", AttributeValue.fromS(connectionId));
    forward.put("owner", AttributeValue.fromS(subscriber.owner()));
    if (!subscriber.incarnation().isEmpty()) forward.put("incarnation", AttributeValue.fromS(subscriber.incarnation()));
    forward.put("tokenExpiresAt", AttributeValue.fromN(Long.toString(subscriber.tokenExpiresAt().getEpochSecond())));
    forward.put(Keys.TTL, AttributeValue.fromN(expires));
    Map<String, AttributeValue> reverse = new HashMap<>(Keys.connectionSubscription(connectionId, code));
    reverse.put("code", AttributeValue.fromS(code));
    reverse.put(Keys.TTL, AttributeValue.fromN(expires));
    dynamo.putItem(r -> r.tableName(table).item(forward));
    dynamo.putItem(r -> r.tableName(table).item(reverse));
    dynamo.updateItem(r -> r.tableName(table).key(Keys.liveLinks()).updateExpression("ADD codes :c")
        .expressionAttributeValues(Map.of(":c", AttributeValue.fromSs(List.of(code)))));
  }

  @Override
  public void unsubscribe(String code, String connectionId) {
    dynamo.deleteItem(r -> r.tableName(table).key(Keys.subscription(code, connectionId)));
    dynamo.deleteItem(r -> r.tableName(table).key(Keys.connectionSubscription(connectionId, code)));
    if (subscribers(code).isEmpty()) {
      dynamo.updateItem(r -> r.tableName(table).key(Keys.liveLinks()).updateExpression("DELETE codes :c")
          .expressionAttributeValues(Map.of(":c", AttributeValue.fromSs(List.of(code)))));
    }
  }

  @Override
  public void disconnect(String connectionId) {
    for (String code : codesOf(connectionId)) unsubscribe(code, connectionId);
  }

  @Override
  public List<Subscriber> subscribers(String code) {
    List<Subscriber> out = new ArrayList<>();
    long now = clock.instant().getEpochSecond();
    queryAll(Keys.subscribersPartition(code), item -> {
      // TTL deletion lags by up to days: an expired item is already gone for us.
      long expires = Long.parseLong(item.get(Keys.TTL).n());
      if (expires <= now) return;
      AttributeValue incarnation = item.get("incarnation");
      AttributeValue tokenExpiresAt = item.get("tokenExpiresAt");
      out.add(new Subscriber(item.get("connectionId").s(), item.get("owner").s(), incarnation == null ? "" : incarnation.s(),
          Instant.ofEpochSecond(tokenExpiresAt == null ? expires : Long.parseLong(tokenExpiresAt.n()))));
    });
    return out;
  }

  @Override
  public Set<String> liveCodes() {
    var item = dynamo.getItem(r -> r.tableName(table).key(Keys.liveLinks())).item();
    if (item == null || !item.containsKey("codes")) return Set.of();
    return Set.copyOf(item.get("codes").ss());
  }

  private List<String> codesOf(String connectionId) {
    List<String> codes = new ArrayList<>();
    queryAll(Keys.connectionPartition(connectionId), item -> codes.add(item.get("code").s()));
    return codes;
  }

  private void queryAll(String pk, Consumer<Map<String, AttributeValue>> each) {
    dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).consistentRead(true)).items().forEach(each);
  }
}
