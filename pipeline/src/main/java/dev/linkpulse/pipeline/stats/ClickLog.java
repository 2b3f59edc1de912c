package dev.linkpulse.pipeline.stats;

import dev.linkpulse.core.Keys;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a link's raw clicks in time order. They are spread over {@link Keys#CLICK_SHARDS} partitions, so a read
 * queries each and merges; sort keys are fixed-width ({@code millis#eventId}), so they order the merge and make a
 * resumable cursor.
 */
public final class ClickLog {
  /** A page of clicks, and the sort key to resume after (null when the range is exhausted). */
  public record Page(List<RawClick> clicks, String after) {}

  private final DynamoDbClient dynamo;
  private final String table;

  public ClickLog(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public Page read(String code, Instant from, Instant to, String after, int limit) {
    String lo = after != null ? after + " " : Keys.clickSort(from.toEpochMilli(), "");
    String hi = Keys.clickSort(to.toEpochMilli() - 1, "") + "~";
    List<Map.Entry<String, RawClick>> rows = new ArrayList<>();
    for (int shard = 0; shard < Keys.CLICK_SHARDS; shard++) {
      String pk = Keys.clickPartition(code, shard);
      // No partition can contribute more than limit + 1 rows to the merged page, so stop reading there.
      dynamo.queryPaginator(r -> r.tableName(table)
              .keyConditionExpression("PK = :pk AND SK BETWEEN :lo AND :hi")
              .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":lo", AttributeValue.fromS(lo), ":hi", AttributeValue.fromS(hi)))
              .limit(limit + 1))
          .items().stream().limit(limit + 1L)
          .forEach(item -> rows.add(Map.entry(item.get(Keys.SK).s(), RawClick.fromItem(item))));
    }
    rows.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
    boolean more = rows.size() > limit;
    List<Map.Entry<String, RawClick>> shown = more ? rows.subList(0, limit) : rows;
    return new Page(shown.stream().map(Map.Entry::getValue).toList(), more ? shown.get(shown.size() - 1).getKey() : null);
  }
}
