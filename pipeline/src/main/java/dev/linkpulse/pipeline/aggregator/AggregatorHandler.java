package dev.linkpulse.pipeline.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.aws.AwsClients;
import java.util.List;
import java.util.Map;

/** Table stream → hourly counters, exactly once. A failed counter is reported so the batch resumes from it. */
public final class AggregatorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final CounterAggregator aggregator;
  static final long FRESHNESS_OBJECTIVE_MILLIS = 60_000;
  private final Metrics metrics = new Metrics("aggregator");
  private final java.time.Clock clock = java.time.Clock.systemUTC();

  public AggregatorHandler() {
    this.aggregator = new CounterAggregator(new CounterStore(AwsClients.dynamoDb(), Env.require("TABLE_NAME")));
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    var clicks = StreamRecords.clicks(event);
    CounterAggregator.Result result = aggregator.aggregate(clicks);
    // Freshness SLI: how long after the click its count became visible; "late" past the 60 s objective.
    long now = clock.millis();
    List<Long> ages = clicks.stream().map(c -> now - c.click().event().time().toEpochMilli()).sorted().toList();
    long late = ages.stream().filter(age -> age > FRESHNESS_OBJECTIVE_MILLIS).count();
    metrics.emit(Map.of("ClicksAggregated", Metrics.count(result.clicksFolded()), "ReplaysSkipped", Metrics.count(result.recordsSkipped()),
        "CounterWrites", Metrics.count(result.written().size()), "ClicksLate", Metrics.count(late),
        "ClickAgeMax", Metrics.millis(ages.isEmpty() ? 0 : ages.get(ages.size() - 1))), Map.of("batchSize", event.getRecords().size()));
    return new StreamsEventResponse(result.retryFrom()
        .map(seq -> List.of(new StreamsEventResponse.BatchItemFailure(seq)))
        .orElse(List.of()));
  }
}
