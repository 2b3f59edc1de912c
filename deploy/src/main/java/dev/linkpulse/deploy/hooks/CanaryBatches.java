package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The batches the PreTraffic hooks give the pipeline's new versions: canary clicks only (counted on the canary link,
 * whose counts no owner reads), each under a source of its own run.
 */
final class CanaryBatches {
  static final int CLICKS = 5;

  private CanaryBatches() {}

  static List<ClickEvent> clicks(String code, Clock clock) {
    String run = "pre" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return IntStream.range(0, CLICKS).mapToObj(i -> CanaryLink.click(code, run, clock.instant())).toList();
  }

  static String recorderBatch(String code, Clock clock) {
    return ProbeEvents.sqsBatch(clicks(code, clock), "arn:aws:sqs:us-east-1:000000000000:canary");
  }

  /**
   * Sequence numbers below any real one ("1", "2", ...): the aggregator counts a record only above its partition's
   * watermark, so the probe either counts once on the canary link or is skipped, and never raises a watermark past
   * real records.
   */
  static String aggregatorBatch(String code, Clock clock) {
    ClickClassifier classifier = new ClickClassifier();
    List<RawClick> raw = clicks(code, clock).stream().map(e -> {
      var c = classifier.classify(e.userAgent(), e.method());
      return new RawClick(e, c.browser(), c.os(), c.device(), c.bot(), c.botReason());
    }).toList();
    List<String> sequences = IntStream.rangeClosed(1, raw.size()).mapToObj(String::valueOf).toList();
    return ProbeEvents.streamBatch(raw, sequences, clock.instant().plus(Duration.ofDays(1)).getEpochSecond(),
        "arn:aws:dynamodb:us-east-1:000000000000:table/canary/stream/canary");
  }
}
