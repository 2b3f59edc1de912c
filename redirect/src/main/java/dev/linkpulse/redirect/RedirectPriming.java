package dev.linkpulse.redirect;

import dev.linkpulse.core.Json;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.http.HttpResponses;
import dev.linkpulse.core.links.Link;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * SnapStart priming: before Lambda snapshots an initialised redirect function, run its warm path once so the snapshot
 * holds loaded classes, a signed-request pipeline and open connections, with no side effect anywhere. A lookup of a
 * code no link has (a 404: nothing cached, nothing published); a click built and serialised; the 302 a link gets; and
 * that click's bus entry sent with its detail cut short, which EventBridge refuses entry by entry ({@code MalformedDetail}:
 * the call succeeds, nothing reaches the bus), so the first real click finds the marshalling of a full entry, the
 * signed POST and the reading of a PutEvents answer with entries already loaded and run. Nothing is counted: the
 * publisher's failure path (a log line, {@code ClickPublishFailed}) is not taken.
 */
final class RedirectPriming implements Resource {
  private static final Logger LOG = Logger.getLogger(RedirectPriming.class.getName());
  /** A code links can have (so the lookup really reads the table) that no link gets: aliases are at most 64 characters. */
  static final String ABSENT_CODE = "snapstart-priming-never-a-link";

  private final Redirects redirects;
  private final ClickFactory clicks;
  private final ClickPublisher publisher;
  private final EventBridgeClient events;

  RedirectPriming(Redirects redirects, ClickFactory clicks, ClickPublisher publisher, EventBridgeClient events) {
    this.redirects = redirects;
    this.clicks = clicks;
    this.publisher = publisher;
    this.events = events;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    RedirectRequest request = new RedirectRequest("GET", ABSENT_CODE, Map.of("user-agent", "linkpulse-priming"), Map.of(), "192.0.2.1");
    try {
      redirects.answer(request);
      LOG.warning("priming found a link under " + ABSENT_CODE + "; nothing was published for it");
    } catch (ApiException expected) {
      // 404: the lookup path ran end to end
    }
    Link sample = new Link(ABSENT_CODE, "prime", "https://example.com/", "priming", 302, Instant.EPOCH, null, Link.Status.ACTIVE);
    ClickEvent click = clicks.click(request, sample);
    String detail = Json.write(click.toDetail());
    HttpResponses.status(sample.redirect(), Map.of("Location", sample.url(), "Cache-Control", Redirects.CACHE_CONTROL));
    try {
      // Not JSON: the entry is refused with MalformedDetail and nothing is published.
      PutEventsResponse answer = events.putEvents(r -> r.entries(publisher.entry(click, detail.substring(0, detail.length() - 1))));
      if (answer.failedEntryCount() == null || answer.failedEntryCount() != 1) {
        LOG.warning("priming's malformed entry was not refused: " + answer.entries());
      }
    } catch (EventBridgeException refused) {
      // the request was signed, sent and answered; nothing reached the bus
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to redo: a connection the snapshot kept and the restore broke is reopened by the client's retry.
  }
}
