package dev.linkpulse.ops.slo;

import java.time.Duration;
import java.util.regex.Pattern;

/** Durations as slos.yaml and the generated files spell them: "5m", "1h", "3d". */
public final class Durations {
  static final long DAY = 86_400;
  static final long WEEK = 7 * DAY;
  private static final Pattern TEXT = Pattern.compile("(\\d+)([mhd])");

  private Durations() {}

  /** "5m", "1h", "3d": minutes, hours or days; null for anything else, zero included. */
  public static Duration parse(String text) {
    var m = TEXT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) return null;
    long n = Long.parseLong(m.group(1));
    if (n == 0) return null;
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** The shortest spelling of a duration: 300 s is "5m", 86400 s is "1d". */
  public static String label(Duration d) {
    long s = d.getSeconds();
    if (s % DAY == 0) return s / DAY + "d";
    if (s % 3600 == 0) return s / 3600 + "h";
    if (s % 60 == 0) return s / 60 + "m";
    return s + "s";
  }

  /** ISO-8601, as a dashboard's {@code start} takes it: "P3D", "PT6H", "PT5M". */
  static String iso(Duration d) {
    long s = d.getSeconds();
    if (s % DAY == 0) return "P" + s / DAY + "D";
    if (s % 3600 == 0) return "PT" + s / 3600 + "H";
    return "PT" + s / 60 + "M";
  }
}
