package dev.linkpulse.ops.dlq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a redrive or restore did: moved, skipped (did not match), failed (with the reason of each), and the audit
 * line: one line on stderr, {@code audit: <UTC time> user=<OS user> action=<...> from=<...> to=<...> moved=N
 * skipped=N failed=N backup=<file|none>} followed by details (mode, filter, dry-run), meant for a log collector.
 */
final class Summary {
  int moved;
  int skipped;
  boolean backupWritten;
  final Map<String, String> failures = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();
  final Map<String, String> details = new LinkedHashMap<>();

  void fail(String messageId, String reason) {
    failures.put(messageId, reason);
  }

  int failed() {
    return failures.size();
  }

  /** The human summary (stdout): failures one a line, then the counts. */
  void print(PrintWriter out, String movedWord, boolean dryRun) {
    failures.forEach((id, reason) -> out.println("failed " + id + ": " + reason));
    notes.forEach(out::println);
    out.println((dryRun ? "dry run, nothing changed: would " + verb(movedWord) + "=" : movedWord + "=") + moved
        + " skipped=" + skipped + " failed=" + failed());
    out.flush();
  }

  private static String verb(String word) {
    return switch (word) {
      case "moved" -> "move";
      case "copied" -> "copy";
      case "replayed" -> "replay";
      case "restored" -> "restore";
      default -> word;
    };
  }

  void audit(PrintWriter err, String action, String from, String to, Path backup) {
    StringBuilder b = new StringBuilder("audit: ");
    b.append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" user=").append(value(user()))
        .append(" action=").append(action).append(" from=").append(value(from)).append(" to=").append(value(to))
        .append(" moved=").append(moved).append(" skipped=").append(skipped).append(" failed=").append(failed())
        .append(" backup=").append(backup == null ? "none" : value(backup.toString()));
    details.forEach((k, v) -> b.append(' ').append(k).append('=').append(value(v)));
    err.println(b);
    err.flush();
  }

  static String user() {
    String u = System.getProperty("user.name");
    return u == null || u.isBlank() ? "unknown" : u;
  }

  /** Bare when it is one plain token, else single-quoted with backslash escapes. */
  static String value(String v) {
    if (v == null) return "-";
    if (v.matches("[A-Za-z0-9._:/@+=,-]+")) return v;
    return Selector.quote(v);
  }
}
