package dev.linkpulse.pipeline.clicks;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.clicks.ClickEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One recorded click: the event plus what the recorder derived from it. Its key comes from the link's life and the
 * event id alone (via {@link Keys#click}), so recording the same event again rewrites the same item, and a click of
 * one life of a code is never stored under another's.
 */
public record RawClick(ClickEvent event, String browser, String os, String device, boolean bot, String botReason) {

  public String partition() {
    return Keys.click(event.life(), event.time(), event.eventId()).get(Keys.PK).s();
  }

  /** Everything is derived from the event, nothing from the time of recording: a rewrite is byte-identical. */
  public Map<String, AttributeValue> toItem(long expiresAtEpochSeconds) {
    Map<String, AttributeValue> item = new HashMap<>(Keys.click(event.life(), event.time(), event.eventId()));
    item.put("type", s("click"));
    item.put("eventId", s(event.eventId()));
    item.put("code", s(event.code()));
    if (!event.incarnation().isEmpty()) item.put("incarnation", s(event.incarnation()));
    item.put("time", s(event.time().toString()));
    item.put("method", s(event.method()));
    if (event.referrer() != null) item.put("referrer", s(event.referrer()));
    if (event.userAgent() != null) item.put("ua", s(event.userAgent()));
    item.put("country", s(event.country()));
    item.put("visitor", s(event.visitor()));
    item.put("qr", AttributeValue.fromBool(event.qr()));
    if (!event.utm().isEmpty()) {
      Map<String, AttributeValue> utm = new LinkedHashMap<>();
      event.utm().forEach((k, v) -> utm.put(k, s(v)));
      item.put("utm", AttributeValue.fromM(utm));
    }
    item.put("browser", s(browser));
    item.put("os", s(os));
    item.put("device", s(device));
    item.put("bot", AttributeValue.fromBool(bot));
    if (botReason != null) item.put("botReason", s(botReason));
    item.put(Keys.TTL, AttributeValue.fromN(Long.toString(expiresAtEpochSeconds)));
    return item;
  }

  public static RawClick fromItem(Map<String, AttributeValue> item) {
    Map<String, String> utm = new LinkedHashMap<>();
    AttributeValue u = item.get("utm");
    if (u != null && u.hasM()) u.m().forEach((k, v) -> utm.put(k, v.s()));
    ClickEvent event = new ClickEvent(text(item, "eventId"), Instant.parse(text(item, "time")), text(item, "code"),
        text(item, "incarnation"), text(item, "method"), text(item, "referrer"), text(item, "ua"), text(item, "country"), text(item, "visitor"),
        bool(item, "qr"), utm);
    return new RawClick(event, text(item, "browser"), text(item, "os"), text(item, "device"), bool(item, "bot"), text(item, "botReason"));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v == null ? "" : v);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  private static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v != null && Boolean.TRUE.equals(v.bool());
  }
}
