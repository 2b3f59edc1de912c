package dev.linkpulse.moderation.review;

import dev.linkpulse.core.Keys;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ReviewQueue} on the table's sparse review queue index: one Query for the first key of its one partition
 * (Limit 1, oldest first), whatever the queue's length. The index projects keys only, and its sort key spells when
 * the review began and the code, so nothing else is read: a query of one small item, 0.5 read units.
 */
public final class DynamoReviewQueue implements ReviewQueue {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoReviewQueue(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Waiting> oldest() {
    QueryResponse response = dynamo.query(r -> r.tableName(table).indexName(Keys.REVIEW_INDEX)
        .keyConditionExpression("#queue = :queue").expressionAttributeNames(Map.of("#queue", Keys.REVIEW_PK))
        .expressionAttributeValues(Map.of(":queue", AttributeValue.fromS(Keys.REVIEW_PARTITION)))
        .scanIndexForward(true).limit(1));
    if (response.items().isEmpty()) return Optional.empty();
    String sort = response.items().get(0).get(Keys.REVIEW_SK).s();
    Instant since = Keys.sinceOfReviewSort(sort);
    return Optional.of(new Waiting(sort.substring(sort.indexOf('#') + 1), since));
  }
}
