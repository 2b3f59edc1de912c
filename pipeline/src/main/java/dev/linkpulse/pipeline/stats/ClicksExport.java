package dev.linkpulse.pipeline.stats;

import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.pipeline.clicks.ClickStore;

/**
 * A link's raw clicks for its owner, a page at a time. A Lambda response holds at most 6 MB, so a page holds at
 * most {@value #PAGE} clicks. Anyone but the owner sees a missing link.
 */
final class ClicksExport {
  static final int PAGE = 10_000;

  private final LinkStore links;
  private final ClickStore clicks;

  ClicksExport(LinkStore links, ClickStore clicks) {
    this.links = links;
    this.clicks = clicks;
  }

  ClickStore.Page page(String owner, String code, StatsQuery range, String after) {
    var link = links.findOwned(owner, code).orElseThrow(ApiException::notFound);
    return clicks.read(link.life(), range.from(), range.to(), after, PAGE);
  }
}
