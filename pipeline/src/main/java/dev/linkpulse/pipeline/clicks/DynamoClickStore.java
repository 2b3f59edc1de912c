package dev.linkpulse.pipeline.clicks;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.LinkLife;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link ClickStore} on the table. Writes go out with BatchWriteItem (25 a request); items DynamoDB leaves
 * unprocessed (throttling) are retried with jittered exponential backoff, and whatever is still unwritten after that
 * is returned, so the recorder reports exactly those messages as failed and SQS redelivers only them.
 *
 * <p>Reads: a link's clicks are spread over {@link Keys#CLICK_SHARDS} partitions, so a read queries each and
 * merges; sort keys are fixed-width ({@code millis#eventId}), so they order the merge and make a resumable cursor.
 */
final class DynamoClickStore implements ClickStore {
  private static final Logger LOG = Logger.getLogger(DynamoClickStore.class.getName());
  static final int BATCH = 25;
  static final int ATTEMPTS = 6;
  static final long BASE_BACKOFF_MILLIS = 25;

  private final DynamoDbClient dynamo;
  private final String table;

  DynamoClickStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Set<String> putAll(List<RawClick> clicks, Duration retention) {
    Set<String> failed = new HashSet<>();
    for (int from = 0; from < clicks.size(); from += BATCH) {
      List<RawClick> chunk = clicks.subList(from, Math.min(clicks.size(), from + BATCH));
      Map<Map<String, AttributeValue>, String> eventIdByItem = new LinkedHashMap<>();
      List<WriteRequest> requests = new ArrayList<>();
      for (RawClick click : chunk) {
        Map<String, AttributeValue> item = click.toItem(click.event().time().getEpochSecond() + retention.toSeconds());
        eventIdByItem.put(item, click.event().eventId());
        requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
      try {
        for (WriteRequest left : writeWithRetries(requests)) failed.add(eventIdByItem.get(left.putRequest().item()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "BatchWriteItem failed for " + chunk.size() + " clicks", e);
        chunk.forEach(c -> failed.add(c.event().eventId()));
      }
    }
    return failed;
  }

  private List<WriteRequest> writeWithRetries(List<WriteRequest> requests) {
    List<WriteRequest> pending = requests;
    for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
      if (attempt > 0) backoff(attempt);
      final List<WriteRequest> batch = pending;
      BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
    }
    return pending;
  }

  private static void backoff(int attempt) {
    long cap = BASE_BACKOFF_MILLIS << Math.min(attempt, 6);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }

  @Override
  public Page read(LinkLife life, Instant from, Instant to, String after, int limit) {
    String lo = after != null ? after + " " : Keys.clickSort(from.toEpochMilli(), "");
    String hi = Keys.clickSort(to.toEpochMilli() - 1, "") + "~";
    List<Map.Entry<String, RawClick>> rows = new ArrayList<>();
    for (int shard = 0; shard < Keys.CLICK_SHARDS; shard++) {
      String pk = Keys.clickPartition(life, shard);
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
