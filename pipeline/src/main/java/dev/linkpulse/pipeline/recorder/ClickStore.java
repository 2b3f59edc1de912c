package dev.linkpulse.pipeline.recorder;

import dev.linkpulse.pipeline.clicks.RawClick;
import java.util.ArrayList;
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
 * Writes raw clicks with BatchWriteItem (25 a request). Items DynamoDB leaves unprocessed (throttling) are retried
 * with jittered exponential backoff; whatever is still unwritten after that is returned, so the caller can report
 * exactly those messages as failed and SQS redelivers only them.
 */
public final class ClickStore {
  private static final Logger LOG = Logger.getLogger(ClickStore.class.getName());
  static final int BATCH = 25;
  static final int ATTEMPTS = 6;
  static final long BASE_BACKOFF_MILLIS = 25;

  private final DynamoDbClient dynamo;
  private final String table;

  public ClickStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Writes every item; returns the event ids that could not be written. */
  public Set<String> putAll(List<RawClick> clicks, long expiresAtEpochSecondsOffset) {
    Set<String> failed = new HashSet<>();
    for (int from = 0; from < clicks.size(); from += BATCH) {
      List<RawClick> chunk = clicks.subList(from, Math.min(clicks.size(), from + BATCH));
      Map<Map<String, AttributeValue>, String> eventIdByItem = new LinkedHashMap<>();
      List<WriteRequest> requests = new ArrayList<>();
      for (RawClick click : chunk) {
        Map<String, AttributeValue> item = click.toItem(click.event().time().getEpochSecond() + expiresAtEpochSecondsOffset);
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
}
