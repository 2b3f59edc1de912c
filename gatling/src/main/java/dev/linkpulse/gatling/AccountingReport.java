package dev.linkpulse.gatling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The accounting as a table for people (printed, and written as .txt) and as JSON for tools (written as .json). */
final class AccountingReport {
  /** The per-link table printed on a failed run; the written file has every row. */
  static final int PRINTED_ROWS = 40;

  private AccountingReport() {}

  static String table(Accounting a, Duration timeout, int maxRows) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Pipeline accounting (%s): every click sent and redirected must be counted once, humans and bots apart%n", a.simulation()));
    String fmt = "  %-20s %12s %12s %12s%n";
    out.append(String.format(Locale.ROOT, fmt, "", "sent", "counted", "difference"));
    out.append(String.format(Locale.ROOT, fmt, "human", n(a.sentHuman()), n(a.countedHuman()), signed(a.countedHuman() - a.sentHuman())));
    out.append(String.format(Locale.ROOT, fmt, "bot", n(a.sentBot()), n(a.countedBot()), signed(a.countedBot() - a.sentBot())));
    long sent = a.sentHuman() + a.sentBot();
    out.append(String.format(Locale.ROOT, fmt, "total", n(sent), n(a.countedTotal()), signed(a.countedTotal() - sent)));
    List<Accounting.Row> off = a.unbalanced();
    line(out, "links", String.format(Locale.ROOT, "%,d of %,d balanced", a.rows().size() - off.size(), a.rows().size()));
    line(out, "failed requests", n(a.failed()) + (a.failed() == 0 ? "" : " (not in 'sent': the pipeline may or may not have counted them)"));
    line(out, "last click sent", a.lastSentMillis() == 0 ? "none" : Instant.ofEpochMilli(a.lastSentMillis()).toString());
    if (a.balanced()) {
      line(out, "all clicks counted", Instant.ofEpochMilli(a.balancedAtMillis()).toString());
      line(out, "pipeline lag", String.format(Locale.ROOT, "%.2f s (to within one read of every link's stats: %.2f s)", a.lagMillis() / 1e3, a.roundMillis() / 1e3));
    } else {
      line(out, "pipeline lag", "unknown: the counts never all matched");
    }
    line(out, "waited", String.format(Locale.ROOT, "%.1f s (timeout %s)", a.waitedMillis() / 1e3, Durations.format(timeout)));
    line(out, "sent = counted", a.balanced() ? "YES" : String.format(Locale.ROOT, "NO: %,d of %,d links differ", off.size(), a.rows().size()));
    if (!off.isEmpty()) rows(out, off, maxRows);
    return out.toString();
  }

  private static void rows(StringBuilder out, List<Accounting.Row> off, int maxRows) {
    String fmt = "  %-12s %11s %11s %9s %9s %11s %7s  %s%n";
    out.append(String.format(Locale.ROOT, "%n" + fmt, "link", "sent human", "cnt human", "sent bot", "cnt bot", "difference", "failed", "note"));
    List<Accounting.Row> worst = off.stream().sorted(Comparator.comparingLong((Accounting.Row r) -> Math.abs(r.difference())).reversed()
        .thenComparing(Accounting.Row::code)).toList();
    for (Accounting.Row r : worst.subList(0, Math.min(maxRows, worst.size()))) {
      out.append(String.format(Locale.ROOT, fmt, r.code(), n(r.sent().human()), n(r.counted().human()), n(r.sent().bot()), n(r.counted().bot()),
          signed(r.difference()), n(r.sent().failed()), r.error() == null ? "" : "stats unreadable: " + r.error()));
    }
    if (worst.size() > maxRows) out.append(String.format(Locale.ROOT, "  ... and %,d more links (every row is in the accounting file)%n", worst.size() - maxRows));
  }

  /** Writes {@code file} (the table with every row) and the same name with {@code .json}; returns the JSON's path. */
  static Path write(Accounting a, Duration timeout, Path file) {
    try {
      if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, table(a, timeout, Integer.MAX_VALUE));
      Path json = file.resolveSibling(file.getFileName().toString().replaceAll("\\.txt$", "") + ".json");
      Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(a)));
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the accounting to " + file, e);
    }
  }

  static ObjectNode json(Accounting a) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("simulation", a.simulation()).put("balanced", a.balanced()).put("lagMillis", a.lagMillis())
        .put("lastSentMillis", a.lastSentMillis()).put("balancedAtMillis", a.balancedAtMillis()).put("waitedMillis", a.waitedMillis());
    root.putObject("sent").put("human", a.sentHuman()).put("bot", a.sentBot()).put("failed", a.failed());
    root.putObject("counted").put("human", a.countedHuman()).put("bot", a.countedBot()).put("total", a.countedTotal());
    ArrayNode links = root.putArray("links");
    for (Accounting.Row r : a.rows()) {
      ObjectNode l = links.addObject().put("code", r.code()).put("balanced", r.balanced())
          .put("sentHuman", r.sent().human()).put("sentBot", r.sent().bot()).put("failed", r.sent().failed())
          .put("countedHuman", r.counted().human()).put("countedBot", r.counted().bot()).put("countedTotal", r.counted().total());
      if (r.error() != null) l.put("error", r.error());
    }
    return root;
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static String signed(long v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%+,d", v);
  }
}
