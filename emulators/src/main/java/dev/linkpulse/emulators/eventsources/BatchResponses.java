package dev.linkpulse.emulators.eventsources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reading a partial batch response ({@code batchItemFailures}) the way Lambda reads it. */
final class BatchResponses {
  private BatchResponses() {}

  /**
   * Reads a {@code {"batchItemFailures":[{"itemIdentifier":..}]}} response the way Lambda does.
   *
   * <p>Success (an empty list is returned) for: no response, an empty or null response object, a missing, null or
   * empty {@code batchItemFailures}. Complete failure ({@code null} is returned) for: a response that is not JSON
   * or not a JSON object, a {@code batchItemFailures} that is not a list, an entry whose {@code itemIdentifier} is
   * missing, null, empty or not one of {@code known}. Otherwise the reported identifiers, in response order.
   */
  static List<String> failures(String responseJson, Set<String> known) {
    if (responseJson == null || responseJson.isBlank() || responseJson.equals("null")) return List.of();
    JsonNode response;
    try {
      response = Json.tree(responseJson);
    } catch (IOException e) {
      return null;
    }
    if (response == null || response.isNull()) return List.of();
    if (!response.isObject()) return null;
    JsonNode list = response.get("batchItemFailures");
    if (list == null || list.isNull()) return List.of();
    if (!list.isArray()) return null;
    List<String> ids = new ArrayList<>();
    for (JsonNode failure : list) {
      JsonNode id = failure.get("itemIdentifier");
      if (id == null || !id.isTextual() || id.asText().isEmpty() || !known.contains(id.asText())) return null;
      ids.add(id.asText());
    }
    return ids;
  }
}
