package dev.linkpulse.links;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.http.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The body of {@code POST /links}, parsed strictly: wrong types, unknown fields, duplicate keys and trailing content
 * are errors, not silently ignored, so a typo such as {@code "redirct": 301} cannot quietly create a 302 link, and a
 * second {@code "url"} cannot stand in for the one that was checked. {@link #parse} and {@link #expiresAtInstant}
 * are pure: they return or throw {@link ApiException} 400, and nothing else.
 */
public record CreateLinkRequest(String url, String alias, Integer redirect, String expiresAt) {
  private static final Set<String> FIELDS = Set.of("url", "alias", "redirect", "expiresAt");
  static final Set<Integer> REDIRECTS = Set.of(301, 302, 307, 308);

  public static CreateLinkRequest parse(String body) {
    JsonNode node;
    try {
      node = Json.strictTree(body);
    } catch (Exception e) {
      throw ApiException.badRequest("malformed_json", "request body is not valid JSON");
    }
    if (node == null || !node.isObject()) throw ApiException.badRequest("malformed_json", "request body must be a JSON object");
    node.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) throw ApiException.badRequest("unknown_field", "unknown field '" + name + "'; allowed: url, alias, redirect, expiresAt");
    });
    return new CreateLinkRequest(text(node, "url"), text(node, "alias"), redirect(node), text(node, "expiresAt"));
  }

  Instant expiresAtInstant() {
    if (expiresAt == null) return null;
    try {
      Instant at = Instant.parse(expiresAt);
      if (!Keys.spellable(at)) throw ApiException.badRequest("expires_invalid", "expiresAt must be before " + Keys.LATEST);
      return at;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("expires_invalid", "expiresAt must be an ISO-8601 instant such as 2030-01-31T12:00:00Z");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isTextual()) throw ApiException.badRequest("field_type", field + " must be a string");
    return value.asText();
  }

  private static Integer redirect(JsonNode node) {
    JsonNode value = node.get("redirect");
    if (value == null || value.isNull()) return null;
    if (!value.isInt() || !REDIRECTS.contains(value.asInt())) {
      throw ApiException.badRequest("redirect_invalid", "redirect must be one of 301, 302, 307, 308");
    }
    return value.asInt();
  }
}
