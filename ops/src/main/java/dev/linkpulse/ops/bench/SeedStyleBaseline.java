package dev.linkpulse.ops.bench;

import dev.linkpulse.core.clicks.ClickEvent;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The design Linkpulse replaces: per click, one TransactWriteItems that bumps the link's total, bumps its day
 * counter and writes a marker for the event id (the marker's condition makes a duplicate cancel the transaction).
 * Exact, but every click costs three transactional writes and every click of a link lands on the same two keys.
 */
final class SeedStyleBaseline {
  private final DynamoDbClient dynamo;
  private final String table;

  SeedStyleBaseline(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  void createTable() {
    dynamo.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("PK").attributeType("S"), a -> a.attributeName("SK").attributeType("S"))
        .keySchema(k -> k.attributeName("PK").keyType("HASH"), k -> k.attributeName("SK").keyType("RANGE")));
  }

  /** Records every event with {@code threads} writers; returns how many were duplicates refused by the marker. */
  long record(List<ClickEvent> events, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> parts = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int offset = t;
        parts.add(pool.submit(() -> {
          long refused = 0;
          for (int i = offset; i < events.size(); i += threads) refused += recordOne(events.get(i)) ? 0 : 1;
          return refused;
        }));
      }
      long refused = 0;
      for (Future<Long> f : parts) refused += f.get();
      return refused;
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean recordOne(ClickEvent e) {
    String day = e.time().atZone(ZoneOffset.UTC).toLocalDate().toString();
    Map<String, AttributeValue> one = Map.of(":one", AttributeValue.fromN("1"));
    try {
      dynamo.transactWriteItems(r -> r.transactItems(
          TransactWriteItem.builder().update(u -> u.tableName(table).key(key("SEED#" + e.code(), "TOTAL"))
              .updateExpression("ADD #total :one").expressionAttributeNames(Map.of("#total", "total")).expressionAttributeValues(one)).build(),
          TransactWriteItem.builder().update(u -> u.tableName(table).key(key("SEED#" + e.code(), "DAY#" + day))
              .updateExpression("ADD clicks :one").expressionAttributeValues(one)).build(),
          TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("PK", AttributeValue.fromS("MARK#" + e.eventId()),
              "SK", AttributeValue.fromS("MARK"), "at", AttributeValue.fromS(e.time().toString())))
              .conditionExpression("attribute_not_exists(PK)")).build()));
      return true;
    } catch (TransactionCanceledException duplicate) {
      return false;
    }
  }

  long total(String code) {
    var item = dynamo.getItem(r -> r.tableName(table).key(key("SEED#" + code, "TOTAL"))).item();
    return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("total").n());
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }
}
