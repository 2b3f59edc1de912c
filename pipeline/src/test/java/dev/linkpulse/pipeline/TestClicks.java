package dev.linkpulse.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.pipeline.clicks.RawClick;
import dev.linkpulse.pipeline.clicks.StreamClick;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Clicks for tests: raw clicks as the recorder stores them, and as the table's stream delivers them. */
public final class TestClicks {
  private TestClicks() {}

  /** A raw click of a link made before incarnations existed (its legacy life); see the overload. */
  public static RawClick raw(String code, Instant time, String visitor, String country, boolean bot) {
    return raw(LinkLife.legacy(code), time, visitor, country, bot);
  }

  /** A raw click of one life of a link with a fresh event id; bots get a reason, as the classifier gives them one. */
  public static RawClick raw(LinkLife life, Instant time, String visitor, String country, boolean bot) {
    ClickEvent e = new ClickEvent(UUID.randomUUID().toString(), time, life.code(), life.incarnation(), "GET", "https://news.example/item",
        "Mozilla/5.0", country, visitor, false, Map.of());
    return new RawClick(e, "Chrome", "Mac OS X", "desktop", bot, bot ? "crawler" : null);
  }

  /** A raw click as an INSERT on the stream, under raw-click partition {@code shard} of its link. */
  public static StreamClick streamed(long sequence, int shard, RawClick click) {
    return new StreamClick(sequence(sequence), Keys.clickPartition(click.event().life(), shard), click);
  }

  /** Stream sequence numbers are decimal strings; 21 digits, as DynamoDB Streams writes them. */
  public static String sequence(long n) {
    return String.format(Locale.ROOT, "%021d", n);
  }

  /** The SQS message body the clicks rule delivers: the EventBridge envelope, the click in its {@code detail}. */
  public static String envelope(ClickEvent e) {
    ObjectNode env = Json.object();
    env.put("version", "0").put("id", UUID.randomUUID().toString()).put("detail-type", ClickEvent.DETAIL_TYPE)
        .put("source", ClickEvent.SOURCE).put("time", e.time().toString());
    env.set("detail", e.toDetail());
    return Json.write(env);
  }

  /** A link code no other test uses. */
  public static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
