package dev.linkpulse.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.http.HttpResponses;
import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides the answer for a short code (the link's redirect, 404 unknown, 410 expired or disabled, a plain 410 page
 * for a link moderation rejected) and publishes a
 * click for every redirect it answers. The lookup is cached, so on a warm instance the request costs one publish.
 */
final class Redirects {
  /**
   * Private: shared caches must not keep the redirect, or clicks stop reaching us. 90 s lets one browser's quick
   * back-and-forth skip a round trip without hiding a link's change for long.
   */
  static final String CACHE_CONTROL = "private, max-age=90";

  /** What a visitor of a link moderation refused sees: where it pointed is not repeated, and nothing is counted. */
  static final APIGatewayV2HTTPResponse REFUSED = HttpResponses.page(410, "Link unavailable",
      "This short link was removed because its destination was found unsafe.");

  private final Function<String, Optional<Link>> lookup;
  private final ClickFactory clicks;
  private final ClickPublisher publisher;
  private final Clock clock;

  Redirects(Function<String, Optional<Link>> lookup, ClickFactory clicks, ClickPublisher publisher, Clock clock) {
    this.lookup = lookup;
    this.clicks = clicks;
    this.publisher = publisher;
    this.clock = clock;
  }

  APIGatewayV2HTTPResponse answer(RedirectRequest request) {
    Link link = lookup.apply(request.code()).orElseThrow(ApiException::notFound);
    if (link.status() == Link.Status.REJECTED) return REFUSED;
    if (!link.status().redirects()) throw new ApiException(410, "link_disabled", "this link has been disabled");
    if (link.expiredAt(clock.instant())) throw new ApiException(410, "link_expired", "this link has expired");
    publisher.publish(clicks.click(request, link));
    return HttpResponses.status(link.redirect(), Map.of("Location", link.url(), "Cache-Control", CACHE_CONTROL));
  }
}
