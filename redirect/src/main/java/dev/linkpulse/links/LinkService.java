package dev.linkpulse.links;

import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.links.AliasRules;
import dev.linkpulse.core.links.Blocklist;
import dev.linkpulse.core.links.HostName;
import dev.linkpulse.core.links.LinkCreated;
import dev.linkpulse.core.links.CodeGenerator;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.core.links.Page;
import dev.linkpulse.core.links.UrlValidator;
import java.time.Clock;
import java.time.Instant;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/**
 * Creating, reading, listing and deleting links for their owner. Knows nothing of Lambda or HTTP events. Every link is
 * created with a fresh incarnation id (from the same CSPRNG as codes), so a code deleted and created again is a new
 * life with no analytics of the old one (docs/pipeline.md, "A code's lives").
 *
 * <p>A new link is {@code PENDING}: it redirects at once, and its {@code link.created} event starts the moderation
 * saga. A target on the operators' blocklist is refused before anything is written ({@code 400 blocked_url}); a
 * link whose event the bus does not take is removed again ({@code 503}), so no link waits for a saga that never starts.
 */
public final class LinkService {
  /** Seven base62 characters give 3.5e12 codes; even at a billion links a collision is rare, and five in a row is a bug. */
  static final int CODE_ATTEMPTS = 5;
  static final int MAX_PAGE = 100;

  private final LinkStore store;
  private final UrlValidator urls;
  private final CodeGenerator codes;
  private final Clock clock;
  private final String baseUrl;
  private final Blocklist blocklist;
  private final LinkEvents events;
  private static final Logger LOG = Logger.getLogger(LinkService.class.getName());

  /** A service that reads and deletes links but creates none (list, get, delete). */
  public LinkService(LinkStore store, UrlValidator urls, CodeGenerator codes, Clock clock, String baseUrl) {
    this(store, urls, codes, clock, baseUrl, null, LinkEvents.NONE);
  }

  LinkService(LinkStore store, UrlValidator urls, CodeGenerator codes, Clock clock, String baseUrl, Blocklist blocklist, LinkEvents events) {
    this.store = store;
    this.urls = urls;
    this.codes = codes;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.blocklist = blocklist;
    this.events = events;
  }

  public LinkView create(String owner, CreateLinkRequest request) {
    return create(owner, request, List.of(), null);
  }

  /**
   * @param via the hosts this request reached the API through (API Gateway's own host, a custom domain): a target on
   *     any of them would loop, like one on the short links' host
   */
  public LinkView create(String owner, CreateLinkRequest request, List<String> via, String requestId) {
    String url = urls.alsoRefusing(via).validate(request.url());
    refuseBlocked(url);
    int redirect = request.redirect() == null ? 302 : request.redirect();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant expiresAt = request.expiresAtInstant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw ApiException.badRequest("expires_in_past", "expiresAt must be in the future");
    }
    if (request.alias() != null) {
      Link link = new Link(AliasRules.validate(request.alias()), codes.next(), url, owner, redirect, now, expiresAt, Link.Status.PENDING);
      if (!store.putIfAbsent(link)) throw new ApiException(409, "alias_taken", "alias '" + request.alias() + "' is already taken");
      return announced(link, requestId);
    }
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      Link link = new Link(codes.next(), codes.next(), url, owner, redirect, now, expiresAt, Link.Status.PENDING);
      if (store.putIfAbsent(link)) return announced(link, requestId);
    }
    throw new IllegalStateException("no free code after " + CODE_ATTEMPTS + " attempts");
  }

  private void refuseBlocked(String canonicalUrl) {
    if (blocklist == null) return;
    HostName host = HostName.parse(URI.create(canonicalUrl).getHost());
    blocklist.blockedBy(host).ifPresent(domain -> {
      throw ApiException.badRequest("blocked_url", "links to " + domain + " are not allowed");
    });
  }

  private LinkView announced(Link link, String requestId) {
    try {
      events.created(LinkCreated.of(link, requestId));
    } catch (LinkEvents.LinkEventsUnavailable e) {
      LOG.warning("link " + link.code() + " removed again: its link.created event was not published: " + e.getMessage());
      store.deleteOwned(link.owner(), link.code());
      throw new ApiException(503, "moderation_unavailable", "links cannot be created right now; retry shortly");
    }
    return LinkView.of(link, baseUrl);
  }

  public LinkView get(String owner, String code) {
    return store.findOwned(owner, code).map(link -> LinkView.of(link, baseUrl)).orElseThrow(ApiException::notFound);
  }

  public void delete(String owner, String code) {
    if (!store.deleteOwned(owner, code)) throw ApiException.notFound();
  }

  public Page<LinkView> list(String owner, String limitParam, String cursor) {
    int limit = 20;
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_PAGE) throw ApiException.badRequest("limit_invalid", "limit must be a whole number from 1 to " + MAX_PAGE);
    }
    Page<Link> page = store.listByOwner(owner, limit, cursor);
    return new Page<>(page.items().stream().map(link -> LinkView.of(link, baseUrl)).toList(), page.cursor());
  }
}
