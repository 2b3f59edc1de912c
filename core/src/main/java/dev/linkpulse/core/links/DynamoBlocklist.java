package dev.linkpulse.core.links;

import dev.linkpulse.core.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@link Blocklist} in one small partition of the table: a lookup is one BatchGetItem of the host and its parents. */
final class DynamoBlocklist implements Blocklist {
  private final DynamoDbClient dynamo;
  private final String table;

  DynamoBlocklist(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<String> blockedBy(HostName host) {
    List<String> candidates = Blocklist.candidates(host);
    // A DNS name has at most 127 labels; BatchGetItem takes 100 keys. Hosts that deep are refused by length first.
    List<Map<String, AttributeValue>> keys = candidates.stream().limit(100).map(Keys::blockedDomain).toList();
    Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    var response = dynamo.batchGetItem(r -> r.requestItems(request));
    if (response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()) return blockedByOneAtATime(candidates);
    List<String> found = response.responses().getOrDefault(table, List.of()).stream()
        .map(item -> Keys.domainOfBlocklistSort(item.get(Keys.SK).s())).toList();
    return candidates.stream().filter(found::contains).findFirst();
  }

  /** The slow path when DynamoDB leaves keys unprocessed (throttling): a consistent read per candidate. */
  private Optional<String> blockedByOneAtATime(List<String> candidates) {
    return candidates.stream().filter(name -> {
      var item = dynamo.getItem(r -> r.tableName(table).key(Keys.blockedDomain(name)).consistentRead(true)).item();
      return item != null && !item.isEmpty();
    }).findFirst();
  }

  @Override
  public String add(String domain, String reason) {
    String canonical = Blocklist.canonicalDomain(domain);
    var item = new java.util.HashMap<>(Keys.blockedDomain(canonical));
    item.put("type", AttributeValue.fromS("blocked-domain"));
    item.put("reason", AttributeValue.fromS(reason == null || reason.isBlank() ? "listed by an operator" : reason));
    dynamo.putItem(r -> r.tableName(table).item(item));
    return canonical;
  }

  @Override
  public boolean remove(String domain) {
    String canonical = Blocklist.canonicalDomain(domain);
    var old = dynamo.deleteItem(r -> r.tableName(table).key(Keys.blockedDomain(canonical)).returnValues(ReturnValue.ALL_OLD)).attributes();
    return old != null && !old.isEmpty();
  }

  @Override
  public List<Entry> list() {
    List<Entry> entries = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page = dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.BLOCKLIST_PARTITION))).exclusiveStartKey(from));
      page.items().forEach(item -> entries.add(new Entry(Keys.domainOfBlocklistSort(item.get(Keys.SK).s()),
          item.containsKey("reason") ? item.get("reason").s() : "")));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return entries;
  }
}
