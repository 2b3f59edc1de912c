package dev.linkpulse.local.alarms;

import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.cloudwatch.AlarmNotification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stand-in for the alarms' SNS topics: every alarm action delivered, one JSON line each in
 * {@code <state dir>/notifications-<CloudWatch port>.ndjson} ("who was paged", for {@code ./linkpulse drill} and a
 * person with {@code tail -f}; {@code ./linkpulse env} names it {@code LINKPULSE_NOTIFICATIONS}), started afresh with
 * each stack.
 */
public final class NotificationLog {
  private final Path file;

  /** A fresh log at {@code file} (stacks on other ports keep theirs). */
  NotificationLog(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.file = file;
    Files.writeString(file, "", StandardCharsets.UTF_8);
  }

  Path file() {
    return file;
  }

  synchronized void append(AlarmNotification n) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", n.timestamp().toString());
    line.put("alarm", n.alarmName());
    line.put("from", n.oldState());
    line.put("to", n.newState());
    line.put("topic", n.target());
    line.put("reason", n.reason());
    try {
      Files.writeString(file, Json.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of a stack's log, oldest first (none when the file does not exist). */
  public static List<Map<String, String>> read(Path f) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    if (!Files.exists(f)) return out;
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      Map<String, String> entry = new LinkedHashMap<>();
      Json.tree(line).fields().forEachRemaining(e -> entry.put(e.getKey(), e.getValue().asText()));
      out.add(entry);
    }
    return out;
  }
}
