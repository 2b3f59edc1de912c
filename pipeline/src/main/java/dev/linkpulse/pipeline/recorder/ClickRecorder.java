package dev.linkpulse.pipeline.recorder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.core.clicks.InvalidClickEvent;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import dev.linkpulse.pipeline.clicks.ClickStore;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Records a batch of queued click events: validate, classify, write one raw click per event id. Returns the ids of
 * the messages that failed, and only those: a malformed event fails alone (its reason logged with its message id)
 * and reaches the dead-letter queue after its last receive; its neighbours are recorded.
 */
public final class ClickRecorder {
  private static final Logger LOG = Logger.getLogger(ClickRecorder.class.getName());

  /** One queued message. */
  public record Message(String messageId, String body) {}

  /** What a batch came to: failed message ids, plus counts for metrics. */
  public record Outcome(Set<String> failedMessageIds, int recorded, int invalid, int duplicatesInBatch, int bots) {}

  private final ClickClassifier classifier;
  private final ClickStore store;
  private final Duration retention;

  public ClickRecorder(ClickClassifier classifier, ClickStore store, Duration retention) {
    this.classifier = classifier;
    this.store = store;
    this.retention = retention;
  }

  public Outcome record(List<Message> messages) {
    Set<String> failed = new LinkedHashSet<>();
    // The same event can arrive twice in one batch (a re-published or re-sent message); write it once, and let
    // both messages share its outcome. BatchWriteItem would also reject duplicate keys in one request.
    Map<String, List<String>> messagesByEvent = new LinkedHashMap<>();
    List<RawClick> clicks = new ArrayList<>();
    int invalid = 0;
    int bots = 0;
    for (Message message : messages) {
      ClickEvent event;
      try {
        event = parse(message.body());
      } catch (InvalidClickEvent e) {
        LOG.warning("invalid click event, messageId=" + message.messageId() + ": " + e.getMessage());
        failed.add(message.messageId());
        invalid++;
        continue;
      }
      List<String> ids = messagesByEvent.computeIfAbsent(event.eventId(), k -> new ArrayList<>());
      ids.add(message.messageId());
      if (ids.size() > 1) continue;
      var c = classifier.classify(event.userAgent(), event.method());
      if (c.bot()) bots++;
      clicks.add(new RawClick(event, c.browser(), c.os(), c.device(), c.bot(), c.botReason()));
    }
    Set<String> unwritten = store.putAll(clicks, retention);
    for (String eventId : unwritten) failed.addAll(messagesByEvent.get(eventId));
    int duplicates = messagesByEvent.values().stream().mapToInt(ids -> ids.size() - 1).sum();
    return new Outcome(failed, clicks.size() - unwritten.size(), invalid, duplicates, bots);
  }

  /** The message body is the EventBridge envelope the rule delivered; the click is its {@code detail}. */
  static ClickEvent parse(String body) {
    JsonNode envelope;
    try {
      envelope = Json.strictTree(body);
    } catch (Exception e) {
      throw new InvalidClickEvent("body is not JSON");
    }
    if (envelope == null || !envelope.isObject()) throw new InvalidClickEvent("body is not a JSON object");
    if (!ClickEvent.SOURCE.equals(envelope.path("source").asText()) || !ClickEvent.DETAIL_TYPE.equals(envelope.path("detail-type").asText())) {
      throw new InvalidClickEvent("not a " + ClickEvent.DETAIL_TYPE + " event from " + ClickEvent.SOURCE);
    }
    return ClickEvent.fromDetail(envelope.get("detail"));
  }
}
