package dev.linkpulse.ops.slo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** slos.yaml in, generated files out: {@code alarms/alarms.yaml} and {@code dashboards/*.json}, by relative path. */
public final class SloRenderer {
  public static final String SLOS = "alarms/slos.yaml";
  public static final String ALARMS = "alarms/alarms.yaml";
  public static final String DASHBOARDS = "dashboards";

  private SloRenderer() {}

  /** Every generated file, relative path to content. Pure: the same spec gives the same bytes. */
  public static Map<String, String> render(SloSpec spec) {
    AlarmPlan plan = AlarmPlan.of(spec);
    Map<String, String> dashboards = Dashboards.render(plan);
    Map<String, String> out = new LinkedHashMap<>();
    out.put(ALARMS, AlarmsTemplate.render(plan, dashboards));
    dashboards.forEach((file, body) -> out.put(DASHBOARDS + "/" + file, body));
    return out;
  }

  /**
   * The files under {@code root} that a fresh render would change: missing, different, or a {@code dashboards/*.json}
   * that is no longer generated. Sorted.
   */
  public static List<String> stale(Map<String, String> rendered, Path root) {
    TreeSet<String> out = new TreeSet<>();
    rendered.forEach((rel, content) -> {
      Path file = root.resolve(rel);
      try {
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) out.add(rel);
      } catch (IOException e) {
        out.add(rel);
      }
    });
    out.addAll(obsoleteDashboards(rendered, root));
    return new ArrayList<>(out);
  }

  /** Writes what changed (atomically, file by file) and deletes obsolete dashboards; returns what it touched. */
  public static List<String> write(Map<String, String> rendered, Path root) {
    List<String> touched = new ArrayList<>(stale(rendered, root));
    try {
      for (String rel : touched) {
        Path file = root.resolve(rel);
        if (!rendered.containsKey(rel)) {
          Files.deleteIfExists(file);
          continue;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".render", ".tmp");
        Files.writeString(tmp, rendered.get(rel), StandardCharsets.UTF_8);
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
          // the default permissions of a temp file are what this file system offers
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return touched;
  }

  private static List<String> obsoleteDashboards(Map<String, String> rendered, Path root) {
    Path dir = root.resolve(DASHBOARDS);
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        String rel = DASHBOARDS + "/" + f.getFileName();
        if (!rendered.containsKey(rel)) out.add(rel);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
