package dev.linkpulse.redirect;

import dev.linkpulse.core.Json;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.clicks.ClickEvent;
import java.util.Map;
import java.util.logging.Logger;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Puts click events on the bus. A failure here must never fail the redirect: it is logged and counted
 * ({@code ClickPublishFailed}), and that click is lost to analytics (docs/click-event.md says what that means).
 */
final class ClickPublisher {
  private static final Logger LOG = Logger.getLogger(ClickPublisher.class.getName());

  private final EventBridgeClient events;
  private final String busName;
  private final Metrics metrics;

  ClickPublisher(EventBridgeClient events, String busName, Metrics metrics) {
    this.events = events;
    this.busName = busName;
    this.metrics = metrics;
  }

  /** Returns whether the event was accepted by the bus. */
  boolean publish(ClickEvent click) {
    try {
      PutEventsResponse response = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
          .eventBusName(busName).source(ClickEvent.SOURCE).detailType(ClickEvent.DETAIL_TYPE)
          .time(click.time()).detail(Json.write(click.toDetail())).build()));
      if (response.failedEntryCount() == null || response.failedEntryCount() == 0) return true;
      var entry = response.entries().get(0);
      return failed(click, entry.errorCode() + ": " + entry.errorMessage());
    } catch (RuntimeException e) {
      return failed(click, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** One line, no stack trace: during an EventBridge outage this fires on every click. */
  private boolean failed(ClickEvent click, String reason) {
    LOG.warning("click " + click.eventId() + " for " + click.code() + " not published: " + reason);
    metrics.count(Map.of("ClickPublishFailed", 1), Map.of("code", click.code(), "eventId", click.eventId(), "reason", reason));
    return false;
  }
}
