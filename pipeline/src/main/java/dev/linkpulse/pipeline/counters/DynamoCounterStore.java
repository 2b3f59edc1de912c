package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.Keys;
import dev.linkpulse.pipeline.analytics.DimensionCounts;
import dev.linkpulse.pipeline.analytics.UniqueSketch;
import java.math.BigInteger;
import dev.linkpulse.core.links.LinkLife;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link CounterStore} on the table: one item per (link life, UTC hour), read strongly consistent, written with a
 * condition on its {@code version} attribute (or on its absence, for the first write), with a TTL so that the
 * counters of a deleted link age out like everyone's.
 */
final class DynamoCounterStore implements CounterStore {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Duration retention;

  DynamoCounterStore(DynamoDbClient dynamo, String table, Duration retention) {
    this.dynamo = dynamo;
    this.table = table;
    this.retention = retention;
  }

  @Override
  public CounterState load(LinkLife life, Instant hour) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Keys.counter(life, hour)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? CounterState.empty(life, hour) : fromItem(item);
  }

  @Override
  public boolean save(CounterState state) {
    Map<String, AttributeValue> item = toItem(state);
    item.put(Keys.TTL, n(state.hour.plus(retention).getEpochSecond()));
    try {
      if (state.version == 0) {
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
      } else {
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("version = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(state.version)))));
      }
      return true;
    } catch (ConditionalCheckFailedException raced) {
      return false;
    }
  }

  @Override
  public List<CounterState> range(LinkLife life, Instant from, Instant to) {
    // The SDK's paginator follows LastEvaluatedKey for us.
    return dynamo.queryPaginator(r -> r.tableName(table)
            .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.statsPartition(life)),
                ":from", AttributeValue.fromS(Keys.hourSort(from)), ":to", AttributeValue.fromS(Keys.hourSort(to.minusNanos(1))))))
        .items().stream().map(DynamoCounterStore::fromItem).toList();
  }

  static Map<String, AttributeValue> toItem(CounterState s) {
    Map<String, AttributeValue> item = new HashMap<>(Keys.counter(s.life, s.hour));
    item.put("type", AttributeValue.fromS("counter"));
    item.put("code", AttributeValue.fromS(s.life.code()));
    if (!s.life.incarnation().isEmpty()) item.put("incarnation", AttributeValue.fromS(s.life.incarnation()));
    item.put("hour", AttributeValue.fromS(s.hour.toString()));
    item.put("total", n(s.total));
    item.put("human", n(s.human));
    item.put("bot", n(s.bot));
    item.put("uniques", AttributeValue.fromB(SdkBytes.fromByteArray(s.uniques.toBytes())));
    Map<String, AttributeValue> dims = new LinkedHashMap<>();
    s.dimensions.forEach((name, counts) -> {
      Map<String, AttributeValue> values = new LinkedHashMap<>();
      counts.toMap().forEach((value, count) -> values.put(value, n(count)));
      dims.put(name, AttributeValue.fromM(values));
    });
    item.put("dims", AttributeValue.fromM(dims));
    item.put("wm", StoredWatermarks.toAttribute(s.life, s.watermarks));
    item.put("version", n(s.version + 1));
    return item;
  }

  static CounterState fromItem(Map<String, AttributeValue> item) {
    Map<String, DimensionCounts> dims = new LinkedHashMap<>();
    Map<String, AttributeValue> storedDims = item.containsKey("dims") ? item.get("dims").m() : Map.of();
    for (String name : CounterState.DIMENSIONS) {
      Map<String, Long> values = new LinkedHashMap<>();
      AttributeValue stored = storedDims.get(name);
      if (stored != null) stored.m().forEach((value, count) -> values.put(value, Long.parseLong(count.n())));
      dims.put(name, DimensionCounts.fromMap(values, CounterState.TOP_K));
    }
    AttributeValue incarnation = item.get("incarnation");
    LinkLife life = new LinkLife(item.get("code").s(), incarnation == null ? "" : incarnation.s());
    Map<String, BigInteger> marks = StoredWatermarks.fromAttribute(life, item.get("wm"));
    return new CounterState(life, Instant.parse(item.get("hour").s()), num(item, "total"), num(item, "human"),
        num(item, "bot"), item.containsKey("uniques") ? UniqueSketch.fromBytes(item.get("uniques").b().asByteArray()) : UniqueSketch.empty(),
        dims, marks, num(item, "version"));
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static long num(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? 0 : Long.parseLong(v.n());
  }
}
