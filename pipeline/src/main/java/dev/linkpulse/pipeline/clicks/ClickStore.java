package dev.linkpulse.pipeline.clicks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import dev.linkpulse.core.links.LinkLife;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The raw click log: the recorder writes it, the CSV export reads it. A click is stored under a key derived from its
 * event id alone, so writing the same event again replaces the same entry and adds nothing.
 */
public interface ClickStore {
  /** A page of clicks, and the cursor to resume after (null when the range is exhausted). */
  record Page(List<RawClick> clicks, String after) {}

  /** The log in the table every function shares (keys from {@link dev.linkpulse.core.Keys}). */
  static ClickStore dynamoDb(DynamoDbClient dynamo, String table) {
    return new DynamoClickStore(dynamo, table);
  }

  /**
   * Writes every click, to expire {@code retention} after the click's own time (never the time of writing, so a
   * rewrite is identical). Returns the event ids that could not be written; every other click is stored.
   */
  Set<String> putAll(List<RawClick> clicks, Duration retention);

  /**
   * The clicks of one life of a link with {@code from <= time < to}, oldest first (ties by event id), at most
   * {@code limit}; never a click of another life of the same code. {@code after} is the cursor a previous page
   * returned (within the range), or null for the first page.
   */
  Page read(LinkLife life, Instant from, Instant to, String after, int limit);
}
