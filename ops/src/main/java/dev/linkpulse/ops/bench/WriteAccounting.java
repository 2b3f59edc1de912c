package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Keys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Counts the write capacity every DynamoDB client in this JVM consumes, by {@link WriteCost}'s rules, per
 * partition key and per second. Registered for the CLI's JVM only (SDK global interceptor file in ops'
 * resources: never in a function jar); it records nothing until a benchmark {@link #start}s it.
 */
public final class WriteAccounting implements ExecutionInterceptor {
  private static volatile Ledger ledger;
  /** This interceptor's own ledger (a simulated run's), or null for the JVM-wide one {@link #start} sets. */
  private final Ledger own;

  /** The JVM-wide interceptor the SDK loads from ops' resources. */
  public WriteAccounting() {
    this(null);
  }

  /** An interceptor for one client, charging {@code ledger} whatever the JVM-wide one does. */
  WriteAccounting(Ledger ledger) {
    this.own = ledger;
  }

  /** What a benchmark leg wrote. WCU are kept in tenths to add transaction doubling exactly. */
  static final class Ledger {
    /** The second a write is charged to: the wall clock's, or a simulation's. */
    private final java.util.function.LongSupplier clockSecond;
    final LongAdder wcuTenths = new LongAdder();
    /** Read units in tenths (an eventually consistent read is half a unit). */
    final LongAdder rcuTenths = new LongAdder();
    final Map<String, LongAdder> perKeySecond = new ConcurrentHashMap<>();
    final Map<String, Long> lastSize = new ConcurrentHashMap<>();

    Ledger() {
      this(() -> System.currentTimeMillis() / 1000);
    }

    Ledger(java.util.function.LongSupplier clockSecond) {
      this.clockSecond = clockSecond;
    }

    double wcu() {
      return wcuTenths.sum() / 10.0;
    }

    double rcu() {
      return rcuTenths.sum() / 10.0;
    }

    void read(Map<String, AttributeValue> item, boolean consistent) {
      long size = item == null || item.isEmpty() ? 0 : WriteCost.itemSize(item);
      rcuTenths.add(Math.round(dev.linkpulse.emulators.dynamodb.CapacityRules.readUnits(size, consistent) * 10));
    }

    /** The busiest partition key's highest one-second write load. */
    double maxKeyWcuPerSecond() {
      return perKeySecond.values().stream().mapToLong(LongAdder::sum).max().orElse(0) / 10.0;
    }

    /** The busiest partition key's share of all write units: what it would take at a given total rate. */
    double maxKeyShare() {
      Map<String, Long> byKey = new java.util.HashMap<>();
      perKeySecond.forEach((k, v) -> byKey.merge(k.substring(0, k.lastIndexOf('@')), v.sum(), Long::sum));
      long max = byKey.values().stream().mapToLong(Long::longValue).max().orElse(0);
      long total = wcuTenths.sum();
      return total == 0 ? 0 : (double) max / total;
    }

    /** The partition key that took the most write units in {@code second}, and how many. */
    Map.Entry<String, Double> hottestIn(long second) {
      String suffix = "@" + second;
      Map.Entry<String, Double> hottest = Map.entry("-", 0.0);
      for (var e : perKeySecond.entrySet()) {
        double wcu = e.getValue().sum() / 10.0;
        if (wcu > hottest.getValue() && e.getKey().endsWith(suffix)) hottest = Map.entry(e.getKey().substring(0, e.getKey().lastIndexOf('@')), wcu);
      }
      return hottest;
    }

    /** The largest size (bytes) an item whose partition key starts with {@code prefix} reached. */
    long largestItem(String prefix) {
      return lastSize.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).max().orElse(0);
    }

    void write(Map<String, AttributeValue> item, int multiplier) {
      String key = item.get(Keys.PK).s() + "|" + item.get(Keys.SK).s();
      long size = WriteCost.itemSize(item);
      Long before = lastSize.put(key, size);
      charge(item.get(Keys.PK).s(), WriteCost.wcu(Math.max(size, before == null ? 0 : before)) * multiplier);
    }

    void update(Map<String, AttributeValue> keyAttrs, long addedBytes, int multiplier) {
      String key = keyAttrs.get(Keys.PK).s() + "|" + keyAttrs.get(Keys.SK).s();
      long before = lastSize.getOrDefault(key, 0L);
      long after = Math.max(before, WriteCost.itemSize(keyAttrs) + addedBytes);
      lastSize.put(key, after);
      charge(keyAttrs.get(Keys.PK).s(), WriteCost.wcu(after) * multiplier);
    }

    void delete(Map<String, AttributeValue> keyAttrs) {
      String key = keyAttrs.get(Keys.PK).s() + "|" + keyAttrs.get(Keys.SK).s();
      Long before = lastSize.remove(key);
      charge(keyAttrs.get(Keys.PK).s(), WriteCost.wcu(before == null ? 0 : before));
    }

    void charge(String pk, int wcu) {
      wcuTenths.add(wcu * 10L);
      long second = clockSecond.getAsLong();
      perKeySecond.computeIfAbsent(pk + "@" + second, k -> new LongAdder()).add(wcu * 10L);
    }
  }

  static Ledger start() {
    Ledger l = new Ledger();
    ledger = l;
    return l;
  }

  static void stop() {
    ledger = null;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Ledger l = own != null ? own : ledger;
    if (l == null) return;
    SdkRequest request = context.request();
    if (request instanceof BatchWriteItemRequest batch) {
      var unprocessed = ((BatchWriteItemResponse) context.response()).unprocessedItems();
      batch.requestItems().forEach((table, writes) -> {
        List<WriteRequest> left = unprocessed == null ? List.of() : unprocessed.getOrDefault(table, List.of());
        for (WriteRequest w : writes) {
          if (left.contains(w)) continue;
          if (w.putRequest() != null) l.write(w.putRequest().item(), 1);
          else if (w.deleteRequest() != null) l.delete(w.deleteRequest().key());
        }
      });
    } else if (request instanceof software.amazon.awssdk.services.dynamodb.model.GetItemRequest get) {
      l.read(((software.amazon.awssdk.services.dynamodb.model.GetItemResponse) context.response()).item(), Boolean.TRUE.equals(get.consistentRead()));
    } else {
      charge(l, request);
    }
  }

  /** A write refused by its condition still consumed capacity. */
  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Ledger l = own != null ? own : ledger;
    // A request refused for throughput consumed nothing; one refused by its condition did.
    if (context.exception() instanceof software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException) return;
    if (l != null && !(context.request() instanceof BatchWriteItemRequest)) charge(l, context.request());
  }

  private static void charge(Ledger l, SdkRequest request) {
    if (request instanceof PutItemRequest put) l.write(put.item(), 1);
    else if (request instanceof UpdateItemRequest update) l.update(update.key(), 16, 1);
    else if (request instanceof DeleteItemRequest delete) l.delete(delete.key());
    else if (request instanceof TransactWriteItemsRequest tx) {
      tx.transactItems().forEach(item -> {
        if (item.put() != null) l.write(item.put().item(), WriteCost.TRANSACTION_MULTIPLIER);
        else if (item.update() != null) l.update(item.update().key(), 16, WriteCost.TRANSACTION_MULTIPLIER);
        else if (item.delete() != null) l.delete(item.delete().key());
      });
    }
  }
}
