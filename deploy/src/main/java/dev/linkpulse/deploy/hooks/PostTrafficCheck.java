package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.clicks.SyntheticClicks;
import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * PostTraffic: marked clicks through the public endpoint to the canary link, then the stats read path must count
 * every one of them exactly, under a source only this run uses. Fewer by the deadline (lost, or recorded without a
 * field the counters need) or more (counted twice) fails the deployment, and CodeDeploy rolls it back.
 */
final class PostTrafficCheck implements Check {
  /** How the public endpoint is clicked: the status it answered. */
  interface PublicClicks {
    int click(String code, String marker, String utmSource) throws Exception;
  }

  /** How many clicks of one source the stats read path has counted on a link since {@code from}. */
  interface CanaryCounts {
    long counted(Link link, String source, Instant from);
  }

  /** Waits between polls: a real sleep in Lambda, a moved clock in tests. */
  interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  static final Duration POLL = Duration.ofSeconds(2);

  private final CanaryLink canary;
  private final SyntheticClicks synthetic;
  private final PublicClicks clicks;
  private final CanaryCounts counts;
  private final Pause pause;
  private final Clock clock;
  private final int clickCount;
  private final Duration timeout;

  PostTrafficCheck(CanaryLink canary, SyntheticClicks synthetic, PublicClicks clicks, CanaryCounts counts, Pause pause,
      Clock clock, int clickCount, Duration timeout) {
    if (clickCount < 1) throw new IllegalArgumentException("clickCount must be at least 1");
    this.canary = canary;
    this.synthetic = synthetic;
    this.clicks = clicks;
    this.counts = counts;
    this.pause = pause;
    this.clock = clock;
    this.clickCount = clickCount;
    this.timeout = timeout;
  }

  /** The utm source a run's clicks carry: what the check counts, so no other click can make up its number. */
  static String source(String runId) {
    return "canary-" + runId;
  }

  @Override
  public Verdict run() throws Exception {
    Link link = canary.ensure();
    Instant start = clock.instant();
    String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String marker = synthetic.mark(link.code(), runId, start.plus(SyntheticClicks.LIFETIME));
    for (int i = 0; i < clickCount; i++) {
      int status = clicks.click(link.code(), marker, source(runId));
      if (status != link.redirect()) return Verdict.fail("click " + (i + 1) + " of " + clickCount + " on /" + link.code() + " answered " + status);
    }
    Instant deadline = start.plus(timeout);
    long counted;
    while (true) {
      counted = counts.counted(link, source(runId), start);
      if (counted > clickCount) return Verdict.fail("run " + runId + ": " + counted + " counted for " + clickCount + " clicks sent (counted twice)");
      if (counted == clickCount) return Verdict.pass("run " + runId + ": " + clickCount + " clicks sent, " + counted + " counted");
      if (!clock.instant().isBefore(deadline)) break;
      pause.pause(POLL);
    }
    return Verdict.fail("run " + runId + ": " + counted + " of " + clickCount + " clicks counted within " + timeout);
  }
}
