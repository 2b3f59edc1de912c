package dev.linkpulse.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the defaults point: the local stack that {@code ./linkpulse up} started from this checkout, found through
 * the {@code .linkpulse/stack.json} it writes (and removes when it stops), whatever ports it took.
 *
 * @param root the checkout: {@code -Dlinkpulse.root}, {@code LINKPULSE_ROOT}, or the nearest directory up from the
 *     working directory that holds {@code template.yaml}
 * @param apiUrl the running stack's HTTP API, or the local stack's default port when none is running
 */
record LocalStackFile(Path root, URI apiUrl) {
  static final URI DEFAULT_API = URI.create("http://127.0.0.1:8080");

  static LocalStackFile find(String rootProperty) {
    Path root = root(rootProperty);
    return new LocalStackFile(root, runningApi(root.resolve(".linkpulse").resolve("stack.json")));
  }

  /** The launcher mints a token for a local user; it is the default when neither a token nor a command is given. */
  String tokenCommand() {
    return "./linkpulse token gatling";
  }

  private static Path root(String rootProperty) {
    String given = rootProperty != null ? rootProperty : System.getenv("LINKPULSE_ROOT");
    if (given != null && !given.isBlank()) return Path.of(given).toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("template.yaml"))) return p;
    }
    return cwd;
  }

  private static URI runningApi(Path stackFile) {
    if (!Files.isRegularFile(stackFile)) return DEFAULT_API;
    try {
      JsonNode stack = new ObjectMapper().readTree(Files.readString(stackFile));
      boolean alive = ProcessHandle.of(stack.path("pid").asLong(-1)).map(ProcessHandle::isAlive).orElse(false);
      String api = stack.path("env").path("LINKPULSE_API").asText("");
      return alive && !api.isEmpty() ? URI.create(api) : DEFAULT_API;
    } catch (IOException | IllegalArgumentException e) {
      // a torn or stale file points at no stack; the default port is the honest guess
      return DEFAULT_API;
    }
  }
}
