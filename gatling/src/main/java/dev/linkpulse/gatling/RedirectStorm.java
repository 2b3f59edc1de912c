package dev.linkpulse.gatling;

import java.time.Duration;

/**
 * Redirects ramping up to a target rate over a set of links with Zipf(1.1) popularity, in a realistic mix of
 * browsers, bots, HEAD requests, referrers and countries. The scenario to run before a launch.
 */
public final class RedirectStorm extends LinkpulseSimulation {
  private final LinkSet links = new LinkSet();

  public RedirectStorm() {
    super(new LoadParameters.Defaults(100, Duration.ofSeconds(30), Duration.ofSeconds(60), 100));
    setUpClicks(ClickFeeder.zipf(links, params.links(), mix));
  }

  @Override
  void prepare() {
    createLinks(links, params.links());
  }
}
