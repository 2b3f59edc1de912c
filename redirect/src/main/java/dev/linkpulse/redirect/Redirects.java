package dev.linkpulse.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.http.HttpResponses;
import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Decides the answer for a short code: the link's redirect, 404 for an unknown code, 410 for an expired or disabled one. */
final class Redirects {
  /**
   * Private: shared caches must not keep the redirect, or clicks stop reaching us. 90 s lets one browser's quick
   * back-and-forth skip a round trip without hiding a link's change for long.
   */
  static final String CACHE_CONTROL = "private, max-age=90";

  private final Function<String, Optional<Link>> lookup;
  private final Clock clock;

  Redirects(Function<String, Optional<Link>> lookup, Clock clock) {
    this.lookup = lookup;
    this.clock = clock;
  }

  APIGatewayV2HTTPResponse answer(String method, String code) {
    Link link = lookup.apply(code).orElseThrow(ApiException::notFound);
    if (link.status() != Link.Status.ACTIVE) throw new ApiException(410, "link_disabled", "this link has been disabled");
    if (link.expiredAt(clock.instant())) throw new ApiException(410, "link_expired", "this link has expired");
    return HttpResponses.status(link.redirect(), Map.of("Location", link.url(), "Cache-Control", CACHE_CONTROL));
  }
}
