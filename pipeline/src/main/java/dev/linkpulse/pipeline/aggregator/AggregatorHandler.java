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
  private final Metrics metrics = new Metrics("aggregator");

  public AggregatorHandler() {
    this.aggregator = new CounterAggregator(new CounterStore(AwsClients.dynamoDb(), Env.require("TABLE_NAME")));
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    var clicks = StreamRecords.clicks(event);
    CounterAggregator.Result result = aggregator.aggregate(clicks);
    metrics.count(Map.of("ClicksAggregated", result.clicksFolded(), "ReplaysSkipped", result.recordsSkipped(),
        "CounterWrites", result.written().size()), Map.of("batchSize", event.getRecords().size()));
    return new StreamsEventResponse(result.retryFrom()
        .map(seq -> List.of(new StreamsEventResponse.BatchItemFailure(seq)))
        .orElse(List.of()));
  }
}
