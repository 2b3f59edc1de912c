package dev.linkpulse.redirect;

import dev.linkpulse.core.Json;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.links.Link;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

/**
 * SnapStart priming: before Lambda snapshots an initialised redirect function, run its warm path once so the snapshot
 * holds loaded classes, a signed-request pipeline and open connections, with no side effect anywhere. A lookup of a
 * code no link has (a 404: nothing cached, nothing published), a click built and serialised but never sent, and a
 * PutEvents with no entries, which EventBridge refuses (ValidationException: Entries must have at least 1 member).
 */
final class RedirectPriming implements Resource {
  private static final Logger LOG = Logger.getLogger(RedirectPriming.class.getName());
  /** A code links can have (so the lookup really reads the table) that no link gets: aliases are at most 64 characters. */
  static final String ABSENT_CODE = "snapstart-priming-never-a-link";

  private final Redirects redirects;
  private final ClickFactory clicks;
  private final EventBridgeClient events;

  RedirectPriming(Redirects redirects, ClickFactory clicks, EventBridgeClient events) {
    this.redirects = redirects;
    this.clicks = clicks;
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
    Json.write(clicks.click(request, sample).toDetail());
    try {
      events.putEvents(r -> r.entries(List.of()));
    } catch (EventBridgeException refused) {
      // ValidationException: the request was signed, sent and answered; nothing reached the bus
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to redo: a connection the snapshot kept and the restore broke is reopened by the client's retry.
  }
}
