package dev.linkpulse.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code .linkpulse/stack.json}: the running stack's endpoints, written by {@code up} and removed when it stops, so
 * that {@code env} and {@code token} (separate processes) find the stack whatever ports it took.
 */
public final class StackFile {
  private StackFile() {}

  static Path path(Path stateDir) {
    return stateDir.resolve("stack.json");
  }

  static void write(Path stateDir, Map<String, String> env, String issuer, long pid) throws IOException {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("pid", pid);
    content.put("issuer", issuer);
    content.put("env", env);
    Files.createDirectories(stateDir);
    Path tmp = Files.createTempFile(stateDir, "stack", ".tmp");
    Files.writeString(tmp, Json.write(content));
    Files.move(tmp, path(stateDir), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The running stack's file, or null when no stack is running (no file, or its process is gone). */
  public static JsonNode readLive(Path stateDir) throws IOException {
    Path file = path(stateDir);
    if (!Files.exists(file)) return null;
    JsonNode node = Json.tree(Files.readString(file));
    long pid = node.path("pid").asLong(-1);
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    return alive ? node : null;
  }
}
