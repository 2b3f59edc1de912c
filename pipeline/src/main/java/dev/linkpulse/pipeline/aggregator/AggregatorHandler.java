package dev.linkpulse.pipeline.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.pipeline.live.LiveFanout;
import dev.linkpulse.pipeline.live.Subscriptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import java.util.Map;

/** Table stream → hourly counters, exactly once. A failed counter is reported so the batch resumes from it. */
public final class AggregatorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final CounterAggregator aggregator;
  static final long FRESHNESS_OBJECTIVE_MILLIS = 60_000;
  private final Metrics metrics = new Metrics("aggregator");
  private final java.time.Clock clock = java.time.Clock.systemUTC();

  private final LiveFanout fanout;

  public AggregatorHandler() {
    var dynamo = AwsClients.dynamoDb();
    String table = Env.require("TABLE_NAME");
    this.aggregator = new CounterAggregator(new CounterStore(dynamo, table));
    // The management API lives at the WebSocket stage's URL; AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI overrides it.
    var management = AwsClients.configure(ApiGatewayManagementApiClient.builder(), "APIGATEWAYMANAGEMENTAPI");
    if (Env.find("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI").isEmpty()) management.endpointOverride(URI.create(Env.require("WS_ENDPOINT")));
    this.fanout = new LiveFanout(new Subscriptions(dynamo, table, Duration.ofHours(2), clock),
        management.overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2))).build(),
        Executors.newFixedThreadPool(8, r -> {
          Thread t = new Thread(r, "live-push");
          t.setDaemon(true);
          return t;
        }), clock);
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    StreamRecords.Batch batch = StreamRecords.clicks(event);
    List<StreamClick> clicks = batch.clicks();
    CounterAggregator.Result result = aggregator.aggregate(clicks);
    // Freshness SLI: how long after the click its count became visible; "late" past the 60 s objective.
    long now = clock.millis();
    List<Long> ages = clicks.stream().map(c -> now - c.click().event().time().toEpochMilli()).sorted().toList();
    long late = ages.stream().filter(age -> age > FRESHNESS_OBJECTIVE_MILLIS).count();
    metrics.emit(Map.of("ClicksAggregated", Metrics.count(result.clicksFolded()), "ReplaysSkipped", Metrics.count(result.recordsSkipped()),
        "CounterWrites", Metrics.count(result.written().size()), "ClicksLate", Metrics.count(late),
        "ClickAgeMax", Metrics.millis(ages.isEmpty() ? 0 : ages.get(ages.size() - 1)), "RecordsUnreadable", Metrics.count(batch.unreadable())),
        Map.of("batchSize", event.getRecords().size()));
    LiveFanout.Outcome pushes = fanout.push(result.written());
    metrics.emit(LiveFanout.metrics(pushes), Map.of());
    return new StreamsEventResponse(result.retryFrom()
        .map(seq -> List.of(new StreamsEventResponse.BatchItemFailure(seq)))
        .orElse(List.of()));
  }
}
