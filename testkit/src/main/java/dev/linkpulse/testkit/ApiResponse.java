package dev.linkpulse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Locale;
import java.util.Map;

/** An HTTP response: status, headers by lower-case name (repeated values joined with commas), body. */
public record ApiResponse(int status, Map<String, String> headers, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body as JSON, a missing node when empty; a body that is not JSON fails the test. */
  public JsonNode json() {
    if (body == null || body.isEmpty()) return MissingNode.getInstance();
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
