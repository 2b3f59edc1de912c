package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeEndpoints, which SDKs with endpoint discovery call first: this engine is its own endpoint. */
final class DescribeEndpoints {
  private DescribeEndpoints() {}

  static JsonNode answer() {
    ObjectNode response = Values.JSON.createObjectNode();
    response.putArray("Endpoints").addObject().put("Address", "localhost").put("CachePeriodInMinutes", 1440);
    return response;
  }
}
