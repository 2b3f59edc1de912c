package dev.linkpulse.pipeline.stats;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.http.HttpApiHandler;
import dev.linkpulse.core.http.HttpResponses;
import dev.linkpulse.core.http.Requests;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.pipeline.counters.CounterStore;
import java.time.Clock;
import java.util.Map;

/** {@code GET /links/{code}/stats?from=&to=&interval=hour|day&tz=}. */
public final class StatsHandler extends HttpApiHandler {
  private final StatsService stats;
  private final Clock clock = Clock.systemUTC();

  public StatsHandler() {
    var dynamo = AwsClients.dynamoDb();
    String table = Env.require("TABLE_NAME");
    this.stats = new StatsService(LinkStore.dynamoDb(dynamo, table), CounterStore.dynamoDb(dynamo, table));
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    String owner = Requests.subject(event);
    StatsQuery query = StatsQuery.parse(event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(), clock);
    return HttpResponses.json(200, stats.stats(owner, Requests.code(event), query));
  }
}
