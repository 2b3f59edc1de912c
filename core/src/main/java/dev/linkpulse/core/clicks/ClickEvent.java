package dev.linkpulse.core.clicks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.LinkCodes;
import dev.linkpulse.core.links.LinkLife;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code link.clicked} event, schema version {@value #SCHEMA_VERSION} (docs/click-event.md). The redirect
 * builds it; the recorder re-validates it, since anything can be put on a bus. It carries no IP address: only the
 * keyed, daily-rotating {@code visitor} hash. {@code incarnation} names the life of the code the redirect served
 * ({@link LinkLife}); empty for a link made before incarnations existed.
 */
public record ClickEvent(
    String eventId, Instant time, String code, String incarnation, String method, String referrer, String userAgent,
    String country, String visitor, boolean qr, Map<String, String> utm) {

  public static final int SCHEMA_VERSION = 1;
  public static final String SOURCE = "linkpulse.redirect";
  public static final String DETAIL_TYPE = "link.clicked";
  public static final int MAX_USER_AGENT = 512;
  public static final int MAX_REFERRER = 1024;
  public static final int MAX_UTM_VALUE = 256;
  public static final String UNKNOWN_COUNTRY = "ZZ";
  static final String[] UTM_KEYS = {"source", "medium", "campaign", "term", "content"};

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  public ClickEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(code, "code");
    incarnation = incarnation == null ? "" : incarnation;
    utm = utm == null ? Map.of() : Map.copyOf(utm);
  }

  /** The life of the link this click belongs to: what its raw click and counters are keyed by. */
  public LinkLife life() {
    return new LinkLife(code, incarnation);
  }

  /** Truncates to {@code max} characters without splitting a surrogate pair. */
  public static String truncate(String s, int max) {
    if (s == null || s.length() <= max) return s;
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }

  public ObjectNode toDetail() {
    ObjectNode d = Json.object();
    d.put("schemaVersion", SCHEMA_VERSION).put("eventId", eventId).put("time", time.toString()).put("code", code);
    if (!incarnation.isEmpty()) d.put("incarnation", incarnation);
    d.put("method", method).put("referrer", referrer).put("userAgent", userAgent).put("country", country)
        .put("visitor", visitor).put("qr", qr);
    if (!utm.isEmpty()) {
      ObjectNode u = d.putObject("utm");
      utm.forEach(u::put);
    }
    return d;
  }

  /**
   * Parses and validates an event's {@code detail}. Every rule has a reason, because a rejected event ends in the
   * dead-letter queue and the on-call engineer reads that reason in the log.
   */
  public static ClickEvent fromDetail(JsonNode d) {
    if (d == null || !d.isObject()) throw new InvalidClickEvent("detail is not a JSON object");
    int version = d.path("schemaVersion").asInt(-1);
    if (version != SCHEMA_VERSION) throw new InvalidClickEvent("unsupported schemaVersion " + d.path("schemaVersion"));
    String eventId = requiredText(d, "eventId");
    try {
      if (!UUID.fromString(eventId).toString().equals(eventId.toLowerCase(Locale.ROOT))) throw new IllegalArgumentException();
    } catch (IllegalArgumentException e) {
      throw new InvalidClickEvent("eventId is not a UUID: " + abbreviate(eventId));
    }
    Instant time;
    try {
      time = Instant.parse(requiredText(d, "time"));
    } catch (DateTimeParseException e) {
      throw new InvalidClickEvent("time is not an ISO-8601 instant: " + abbreviate(d.path("time").asText()));
    }
    if (!Keys.spellable(time)) throw new InvalidClickEvent("time is outside " + Keys.EARLIEST + " to " + Keys.LATEST + ": " + time);
    String code = requiredText(d, "code");
    if (!LinkCodes.possible(code)) throw new InvalidClickEvent("code is not a short code: " + abbreviate(code));
    String incarnation = optionalText(d, "incarnation");
    if (incarnation != null && !LinkLife.INCARNATION.matcher(incarnation).matches()) {
      throw new InvalidClickEvent("incarnation is not an incarnation id: " + abbreviate(incarnation));
    }
    String method = requiredText(d, "method");
    if (!method.equals("GET") && !method.equals("HEAD")) throw new InvalidClickEvent("method must be GET or HEAD, got " + abbreviate(method));
    String country = optionalText(d, "country");
    if (country == null) country = UNKNOWN_COUNTRY;
    if (!COUNTRY.matcher(country).matches()) throw new InvalidClickEvent("country is not an ISO 3166 alpha-2 code: " + abbreviate(country));
    String visitor = requiredText(d, "visitor");
    if (!VISITOR.matcher(visitor).matches()) throw new InvalidClickEvent("visitor is not a visitor hash");
    JsonNode qr = d.get("qr");
    if (qr != null && !qr.isBoolean()) throw new InvalidClickEvent("qr must be a boolean");
    Map<String, String> utm = new LinkedHashMap<>();
    JsonNode u = d.get("utm");
    if (u != null && !u.isNull()) {
      if (!u.isObject()) throw new InvalidClickEvent("utm must be an object");
      for (Iterator<Map.Entry<String, JsonNode>> it = u.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!java.util.Arrays.asList(UTM_KEYS).contains(e.getKey())) throw new InvalidClickEvent("unknown utm key " + abbreviate(e.getKey()));
        if (!e.getValue().isTextual()) throw new InvalidClickEvent("utm." + e.getKey() + " must be a string");
        utm.put(e.getKey(), truncate(e.getValue().asText(), MAX_UTM_VALUE));
      }
    }
    return new ClickEvent(eventId.toLowerCase(Locale.ROOT), time, code, incarnation, method,
        truncate(optionalText(d, "referrer"), MAX_REFERRER), truncate(optionalText(d, "userAgent"), MAX_USER_AGENT),
        country, visitor, qr != null && qr.asBoolean(), utm);
  }

  /** The referrer's host, lower-cased, or {@code "(direct)"} when there is none or it is not a URL. */
  public String referrerHost() {
    if (referrer == null || referrer.isBlank()) return "(direct)";
    try {
      String host = java.net.URI.create(referrer.trim()).getHost();
      return host == null ? "(direct)" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "(direct)";
    }
  }

  /** Where the click came from for the "source" dimension: utm_source, else "qr" for a QR scan, else none. */
  public String source() {
    String s = utm.get("source");
    if (s != null && !s.isBlank()) return s;
    return qr ? "qr" : "(none)";
  }

  private static String requiredText(JsonNode d, String field) {
    JsonNode v = d.get(field);
    if (v == null || v.isNull()) throw new InvalidClickEvent(field + " is missing");
    if (!v.isTextual() || v.asText().isEmpty()) throw new InvalidClickEvent(field + " must be a non-empty string");
    return v.asText();
  }

  private static String optionalText(JsonNode d, String field) {
    JsonNode v = d.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw new InvalidClickEvent(field + " must be a string");
    return v.asText();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
