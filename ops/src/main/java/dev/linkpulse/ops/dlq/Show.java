package dev.linkpulse.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How messages and durations look on the terminal. */
final class Show {
  /** Shown separately, or not shown (the receipt-free part of the message is what matters). */
  private static final Set<String> HEADLINE = Set.of(Item.RECEIVE_COUNT, Item.SENT);

  private Show() {}

  static void message(PrintWriter out, int n, Item item, Instant now) {
    String head = "── " + n + " ── " + item.messageId() + " ";
    out.println(head + "─".repeat(Math.max(3, 78 - head.length())));
    out.println("receive count   " + (item.receiveCount() == null ? "?" : item.receiveCount()));
    Instant sent = item.sent();
    out.println("sent            " + (sent == null ? "?" : sent + " (" + age(Duration.between(sent, now)) + " ago)"));
    List<String> attrs = new ArrayList<>();
    item.attributes().entrySet().stream().filter(e -> !HEADLINE.contains(e.getKey())).sorted(Map.Entry.comparingByKey())
        .forEach(e -> attrs.add(e.getKey() + "=" + e.getValue()));
    out.println("attributes      " + (attrs.isEmpty() ? "-" : String.join(", ", attrs)));
    if (item.messageAttributes().isEmpty()) {
      out.println("message attrs   -");
    } else {
      boolean first = true;
      for (var e : item.messageAttributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
        var v = e.getValue();
        String value = v.stringValue() != null ? v.stringValue()
            : v.binaryValue() != null ? "base64:" + Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()) : "";
        out.println((first ? "message attrs   " : "                ") + e.getKey() + " (" + v.dataType() + ") = " + value);
        first = false;
      }
    }
    out.println("body");
    out.println(pretty(item.body()));
  }

  /** The body pretty-printed when it is JSON, as it is otherwise. */
  static String pretty(String body) {
    if (body == null) return "";
    try {
      JsonNode node = Json.tree(body);
      if (node != null && (node.isObject() || node.isArray())) return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (Exception notJson) {
      // shown raw
    }
    return body;
  }

  /** "1 message", "5 messages". */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** 3d 4h, 5h 12m, 4m 10s, 12s. */
  static String age(Duration d) {
    if (d.isNegative()) d = Duration.ZERO;
    long s = d.getSeconds();
    if (s >= 86_400) return (s / 86_400) + "d " + (s % 86_400) / 3600 + "h";
    if (s >= 3600) return (s / 3600) + "h " + (s % 3600) / 60 + "m";
    if (s >= 60) return (s / 60) + "m " + (s % 60) + "s";
    return s + "s";
  }

  /** One line for a dry run: id, sent, the body (of an EventBridge envelope: its detail-type and detail), cut at 160. */
  static String brief(Item item) {
    String body = item.body() == null ? "" : item.body();
    try {
      JsonNode node = Json.tree(body);
      if (node != null && node.path("detail").isObject()) {
        body = node.path("detail-type").asText("event") + " " + Json.write(node.get("detail"));
      }
    } catch (Exception notJson) {
      // shown raw
    }
    body = body.replaceAll("\\s+", " ");
    return item.messageId() + "  " + (item.sent() == null ? "?" : item.sent()) + "  " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
  }
}
