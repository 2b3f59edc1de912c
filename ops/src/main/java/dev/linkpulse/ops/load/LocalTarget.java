package dev.linkpulse.ops.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.local.auth.LocalIssuer;
import dev.linkpulse.ops.StackFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The running local stack as a load target: its API (from .linkpulse/stack.json) and a token from its issuer. */
final class LocalTarget {
  /** The user that owns the links a local run creates. */
  static final String USER = "gatling";

  private LocalTarget() {}

  /** {@code baseUrl} and {@code token} for the simulation, or null when no local stack is running. */
  static Map<String, String> find(Path root) throws IOException {
    Path state = root.resolve(".linkpulse");
    JsonNode stack = StackFile.readLive(state);
    if (stack == null) return null;
    Map<String, String> target = new LinkedHashMap<>();
    target.put("baseUrl", stack.path("env").path("LINKPULSE_API").asText());
    // The template's JwtAudience, as ./linkpulse token mints it; the run lasts hours at most.
    target.put("token", LocalIssuer.open(state, stack.path("issuer").asText(), "linkpulse").mint(USER, Duration.ofHours(12)));
    return target;
  }
}
