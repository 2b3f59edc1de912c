package dev.linkpulse.moderation.reputation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wire format of Google Safe Browsing v4 {@code threatMatches:find}: the request body for one URL, and the
 * response read into a {@link Reputation}. The response is {@code {}} when nothing matches, or
 * {@code {"matches": [{"threatType", "platformType", "threat": {"url"}, ...}]}}; a match for another URL than the one
 * asked about is ignored, and anything else is not an answer.
 */
final class ThreatMatches {
  static final List<String> THREAT_TYPES = List.of("MALWARE", "SOCIAL_ENGINEERING", "UNWANTED_SOFTWARE", "POTENTIALLY_HARMFUL_APPLICATION");

  private ThreatMatches() {}

  static String request(String clientId, String clientVersion, String url) {
    return Json.write(Map.of(
        "client", Map.of("clientId", clientId, "clientVersion", clientVersion),
        "threatInfo", Map.of("threatTypes", THREAT_TYPES, "platformTypes", List.of("ANY_PLATFORM"),
            "threatEntryTypes", List.of("URL"), "threatEntries", List.of(Map.of("url", url)))));
  }

  /** @throws ReputationUnavailable when {@code body} is not a threatMatches:find response */
  static Reputation response(String url, String body) {
    JsonNode root;
    try {
      root = Json.strictTree(body);
    } catch (JsonProcessingException e) {
      throw new ReputationUnavailable("the provider's answer is not JSON", e);
    }
    if (root == null || !root.isObject()) throw new ReputationUnavailable("the provider's answer is not a JSON object", null);
    JsonNode matches = root.get("matches");
    if (matches == null || matches.isNull()) return new Reputation(List.of());
    if (!matches.isArray()) throw new ReputationUnavailable("matches is not a list", null);
    List<String> types = new ArrayList<>();
    for (JsonNode match : matches) {
      JsonNode type = match.get("threatType");
      JsonNode threat = match.path("threat").get("url");
      if (type == null || !type.isTextual() || threat == null || !threat.isTextual()) {
        throw new ReputationUnavailable("a match without threatType or threat.url", null);
      }
      if (threat.asText().equals(url) && !types.contains(type.asText())) types.add(type.asText());
    }
    return new Reputation(types);
  }
}
