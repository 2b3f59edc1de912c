package dev.linkpulse.core.links;

import dev.linkpulse.core.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link LinkStore} on the table: a link item per code, and the sparse owner index for "my links". The owner checks
 * are conditions and comparisons on the item, so they hold however a caller uses the store.
 */
final class DynamoLinkStore implements LinkStore {
  private final DynamoDbClient dynamo;
  private final String table;

  DynamoLinkStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean putIfAbsent(Link link) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(toItem(link)).conditionExpression("attribute_not_exists(PK)"));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  @Override
  public Optional<Link> find(String code) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Keys.link(code))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public Optional<Link> findOwned(String owner, String code) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Keys.link(code)).consistentRead(true)).item();
    if (item == null || item.isEmpty() || !owner.equals(item.get("owner").s())) return Optional.empty();
    return Optional.of(fromItem(item));
  }

  @Override
  public boolean deleteOwned(String owner, String code) {
    try {
      dynamo.deleteItem(r -> r.tableName(table).key(Keys.link(code))
          .conditionExpression("#owner = :owner")
          .expressionAttributeNames(Map.of("#owner", "owner"))
          .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))));
      return true;
    } catch (ConditionalCheckFailedException notOwned) {
      return false;
    }
  }

  @Override
  public boolean reopen(String code, String incarnation) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Keys.link(code))
          .updateExpression("SET #status = :pending, #reason = :reopened")
          .conditionExpression("#inc = :inc AND #status = :rejected AND begins_with(#reason, :failed)")
          .expressionAttributeNames(Map.of("#status", "status", "#reason", "reason", "#inc", "incarnation"))
          .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(Link.Status.PENDING.name()),
              ":rejected", AttributeValue.fromS(Link.Status.REJECTED.name()), ":inc", AttributeValue.fromS(incarnation),
              ":failed", AttributeValue.fromS(Link.MODERATION_FAILED), ":reopened", AttributeValue.fromS("moderation started again"))));
      return true;
    } catch (ConditionalCheckFailedException notFailed) {
      return false;
    }
  }

  @Override
  public Page<Link> listByOwner(String owner, int limit, String cursor) {
    String partition = Keys.ownerPartition(owner);
    Map<String, AttributeValue> start = cursor == null ? null : LinkCursor.decode(cursor, partition);
    QueryResponse response = dynamo.query(r -> r.tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("GSI1PK = :owner")
        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(partition)))
        .scanIndexForward(false)
        .limit(limit)
        .exclusiveStartKey(start));
    List<Link> links = new ArrayList<>();
    response.items().forEach(item -> links.add(fromItem(item)));
    var last = response.lastEvaluatedKey();
    return new Page<>(links, response.hasLastEvaluatedKey() && !last.isEmpty() ? LinkCursor.encode(last) : null);
  }

  static Map<String, AttributeValue> toItem(Link link) {
    Map<String, AttributeValue> item = new HashMap<>(Keys.link(link.code()));
    item.put("type", AttributeValue.fromS("link"));
    item.put("code", AttributeValue.fromS(link.code()));
    if (!link.incarnation().isEmpty()) item.put("incarnation", AttributeValue.fromS(link.incarnation()));
    item.put("url", AttributeValue.fromS(link.url()));
    item.put("owner", AttributeValue.fromS(link.owner()));
    item.put("redirect", AttributeValue.fromN(Integer.toString(link.redirect())));
    item.put("createdAt", AttributeValue.fromS(link.createdAt().toString()));
    item.put("status", AttributeValue.fromS(link.status().name()));
    if (link.reason() != null) item.put("reason", AttributeValue.fromS(link.reason()));
    if (link.expiresAt() != null) item.put("expiresAt", AttributeValue.fromS(link.expiresAt().toString()));
    item.put(Keys.GSI1PK, AttributeValue.fromS(Keys.ownerPartition(link.owner())));
    item.put(Keys.GSI1SK, AttributeValue.fromS(Keys.ownerSort(link.createdAt(), link.code())));
    return item;
  }

  static Link fromItem(Map<String, AttributeValue> item) {
    AttributeValue expires = item.get("expiresAt");
    AttributeValue incarnation = item.get("incarnation");
    return new Link(
        item.get("code").s(),
        incarnation == null ? "" : incarnation.s(),
        item.get("url").s(),
        item.get("owner").s(),
        Integer.parseInt(item.get("redirect").n()),
        Instant.parse(item.get("createdAt").s()),
        expires == null ? null : Instant.parse(expires.s()),
        Link.Status.valueOf(item.get("status").s()),
        item.containsKey("reason") ? item.get("reason").s() : null);
  }


}
