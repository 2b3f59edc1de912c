package dev.linkpulse.gatling;

import java.time.Duration;

/**
 * One link taking nearly all the traffic ({@code -DviralShare}, default 0.95), reached within seconds: the hot
 * partition case. The other links share the rest under Zipf(1.1).
 */
public final class ViralLink extends LinkpulseSimulation {
  private final LinkSet links = new LinkSet();

  public ViralLink() {
    super(new LoadParameters.Defaults(100, Duration.ofSeconds(5), Duration.ofSeconds(60), 20));
    setUpClicks(ClickFeeder.viral(links, params.links(), params.viralShare(), mix));
  }

  @Override
  void prepare() {
    createLinks(links, params.links());
  }
}
