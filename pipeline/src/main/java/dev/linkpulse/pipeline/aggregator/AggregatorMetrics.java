package dev.linkpulse.pipeline.aggregator;

import dev.linkpulse.core.Metrics;
import dev.linkpulse.pipeline.clicks.StreamClick;
import dev.linkpulse.pipeline.counters.CounterAggregator;
import dev.linkpulse.pipeline.live.LiveFanout;
import java.time.Clock;
import java.util.Map;

/** What an aggregator batch came to, as metrics: what it counted, the freshness SLI, and its pushes. */
final class AggregatorMetrics {
  /** The click-freshness objective (alarms/slos.yaml): a click counted more than 60 s after it happened is late. */
  static final long FRESHNESS_OBJECTIVE_MILLIS = 60_000;

  private final Metrics metrics;
  private final Clock clock;

  AggregatorMetrics(Metrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  void counted(StreamRecords.Batch batch, CounterAggregator.Result result, int batchSize) {
    // Freshness SLI: how long after the click its count became visible; "late" past the objective.
    long now = clock.millis();
    long oldest = batch.clicks().isEmpty() ? 0 : Long.MIN_VALUE;
    long late = 0;
    for (StreamClick c : batch.clicks()) {
      long age = now - c.click().event().time().toEpochMilli();
      oldest = Math.max(oldest, age);
      if (age > FRESHNESS_OBJECTIVE_MILLIS) late++;
    }
    metrics.emit(Map.of("ClicksAggregated", Metrics.count(result.clicksFolded()), "ReplaysSkipped", Metrics.count(result.recordsSkipped()),
        "CounterWrites", Metrics.count(result.written().size()), "ClicksLate", Metrics.count(late),
        "ClickAgeMax", Metrics.millis(oldest), "RecordsUnreadable", Metrics.count(batch.unreadable())),
        Map.of("batchSize", batchSize));
  }

  void pushed(LiveFanout.Outcome pushes) {
    metrics.emit(LiveFanout.metrics(pushes), Map.of());
  }
}
