package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.core.clicks.SyntheticClicks;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The link the hooks click: owned by {@link SyntheticClicks#CANARY_OWNER}, created on first use, redirecting to a
 * target under the reserved {@code .invalid} domain (RFC 2606), so a mistaken visit goes nowhere.
 */
final class CanaryLink {
  static final String INCARNATION = "canary";

  private final LinkStore links;
  private final String code;
  private final Clock clock;

  CanaryLink(LinkStore links, String code, Clock clock) {
    this.links = links;
    this.code = code;
    this.clock = clock;
  }

  String code() {
    return code;
  }

  /** The canary link as stored, created now if it does not exist. */
  Link ensure() {
    return links.find(code).orElseGet(() -> {
      links.putIfAbsent(link(code, clock.instant()));
      return links.find(code).orElseThrow(() -> new IllegalStateException("canary link " + code + " could not be created"));
    });
  }

  /** The canary link as the hooks create it. */
  static Link link(String code, Instant createdAt) {
    return new Link(code, INCARNATION, "https://canary.linkpulse.invalid/" + code, SyntheticClicks.CANARY_OWNER, 302,
        createdAt, null, Link.Status.ACTIVE);
  }

  /** A click event on the canary link as the redirect would publish it, tagged with a run's utm source. */
  static ClickEvent click(String code, String runId, Instant time) {
    return new ClickEvent(UUID.randomUUID().toString(), time, code, INCARNATION, "GET", null,
        "Mozilla/5.0 (X11; Linux x86_64) linkpulse-canary", ClickEvent.UNKNOWN_COUNTRY, "canaryvisitor0001", false,
        Map.of("source", PostTrafficCheck.source(runId)));
  }
}
