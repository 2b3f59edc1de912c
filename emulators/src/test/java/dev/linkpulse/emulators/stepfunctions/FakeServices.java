package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsJsonServer;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tiny JSON-protocol endpoints standing in for DynamoDB and EventBridge in the engine's tests: items by key with
 * one condition (attribute_not_exists / attribute_exists), and a log of put events. Just enough to prove that
 * the SDK integrations send the API's own request and read its answers and errors.
 */
final class FakeServices implements AutoCloseable {
  final Map<String, ObjectNode> items = new ConcurrentHashMap<>();
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final AwsJsonServer dynamodb;
  private final AwsJsonServer eventBridge;

  FakeServices() {
    try {
      dynamodb = AwsJsonServer.builder().name("fake-ddb").service("DynamoDB_20120810", "com.amazonaws.dynamodb.v20120810", Map.of(
          "PutItem", in -> write(in, in.get("Item")),
          "UpdateItem", in -> write(in, in.get("Key")),
          "DeleteItem", in -> {
            check(in);
            items.remove(key(in.get("Key") == null ? in.get("Item") : in.get("Key")));
            return Json.object();
          },
          "GetItem", in -> {
            requests.add(in);
            ObjectNode out = Json.object();
            ObjectNode item = items.get(key(in.get("Key")));
            if (item != null) out.set("Item", item);
            return out;
          })).start();
      eventBridge = AwsJsonServer.builder().name("fake-events").jsonVersion("1.1").service("AWSEvents", "", Map.of(
          "PutEvents", this::putEvents)).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI dynamodb() {
    return dynamodb.endpoint();
  }

  URI events() {
    return eventBridge.endpoint();
  }

  private JsonNode write(JsonNode in, JsonNode item) {
    requests.add(in);
    check(in);
    items.put(key(in.has("Key") ? in.get("Key") : item), (ObjectNode) item.deepCopy());
    return Json.object();
  }

  private void check(JsonNode in) {
    String condition = in.path("ConditionExpression").asText("");
    JsonNode key = in.has("Key") ? in.get("Key") : in.get("Item");
    boolean exists = items.containsKey(key(key));
    if ((condition.startsWith("attribute_not_exists") && exists) || (condition.startsWith("attribute_exists") && !exists)) {
      throw AwsServiceException.client("ConditionalCheckFailedException", "The conditional request failed");
    }
  }

  /** Items are keyed by their "pk" attribute. */
  private static String key(JsonNode keyOrItem) {
    return keyOrItem.path("pk").path("S").asText();
  }

  private JsonNode putEvents(JsonNode in) {
    ObjectNode out = Json.object();
    ArrayNode entries = out.putArray("Entries");
    int failed = 0;
    for (JsonNode e : in.path("Entries")) {
      if (e.path("Source").asText().equals("refuse")) {
        failed++;
        entries.addObject().put("ErrorCode", "InternalFailure").put("ErrorMessage", "refused on purpose");
      } else {
        events.add(e);
        entries.addObject().put("EventId", UUID.randomUUID().toString());
      }
    }
    out.put("FailedEntryCount", failed);
    return out;
  }

  @Override
  public void close() {
    dynamodb.close();
    eventBridge.close();
  }
}
