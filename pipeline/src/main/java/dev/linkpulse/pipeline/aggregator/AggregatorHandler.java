package dev.linkpulse.pipeline.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.pipeline.counters.CounterAggregator;
import dev.linkpulse.pipeline.counters.CounterStore;
import dev.linkpulse.pipeline.live.Connections;
import dev.linkpulse.pipeline.live.LiveFanout;
import dev.linkpulse.pipeline.live.Subscriptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * Table stream → hourly counters, exactly once; then one push per watched link, and the end of every subscription of
 * a link the batch deleted. A failed counter is reported so the batch resumes from it.
 */
public final class AggregatorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final CounterAggregator aggregator;
  private final LiveFanout fanout;
  private final AggregatorMetrics metrics;

  public AggregatorHandler() {
    var dynamo = AwsClients.dynamoDb();
    String table = Env.require("TABLE_NAME");
    Clock clock = Clock.systemUTC();
    this.aggregator = new CounterAggregator(CounterStore.dynamoDb(dynamo, table, Duration.ofDays(Env.requireInt("STATS_RETENTION_DAYS"))));
    this.fanout = new LiveFanout(Subscriptions.dynamoDb(dynamo, table, clock), Connections.managementApi(managementApi()),
        LinkStore.dynamoDb(dynamo, table), pushPool(), clock);
    this.metrics = new AggregatorMetrics(new Metrics("aggregator"), clock);
  }

  AggregatorHandler(CounterAggregator aggregator, LiveFanout fanout, AggregatorMetrics metrics) {
    this.aggregator = aggregator;
    this.fanout = fanout;
    this.metrics = metrics;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    StreamRecords.Batch batch = StreamRecords.clicks(event);
    CounterAggregator.Result result = aggregator.aggregate(batch.clicks());
    metrics.counted(batch, result, event.getRecords().size());
    LiveFanout.Outcome pushes = fanout.push(result.written());
    for (String code : StreamRecords.deletedLinks(event)) pushes = pushes.plus(fanout.linkDeleted(code));
    metrics.pushed(pushes);
    return new StreamsEventResponse(result.retryFrom()
        .map(seq -> List.of(new StreamsEventResponse.BatchItemFailure(seq)))
        .orElse(List.of()));
  }

  /** The management API lives at the WebSocket stage's URL; AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI overrides it. */
  private static ApiGatewayManagementApiClient managementApi() {
    var management = AwsClients.configure(ApiGatewayManagementApiClient.builder(), "APIGATEWAYMANAGEMENTAPI");
    if (Env.find("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI").isEmpty()) management.endpointOverride(URI.create(Env.require("WS_ENDPOINT")));
    return management.overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2))).build();
  }

  private static ExecutorService pushPool() {
    return Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "live-push");
      t.setDaemon(true);
      return t;
    });
  }
}
