package dev.linkpulse.gatling;

import java.time.Duration;

/**
 * A steady rate for a long time (default 30 minutes) over Zipf(1.1) links, to catch leaks and drift: the report's
 * response time over time should stay flat, and the accounting must still balance to the click at the end.
 */
public final class Soak extends LinkpulseSimulation {
  private final LinkSet links = new LinkSet();

  public Soak() {
    super(new LoadParameters.Defaults(50, Duration.ofSeconds(30), Duration.ofMinutes(30), 200));
    setUpClicks(ClickFeeder.zipf(links, params.links(), mix));
  }

  @Override
  void prepare() {
    createLinks(links, params.links());
  }
}
