package dev.linkpulse.pipeline.live;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.links.LinkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** $connect, $disconnect, subscribe, unsubscribe and $default of the WebSocket API. */
public final class LiveRoutesHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private final LiveRoutes routes;

  public LiveRoutesHandler() {
    var dynamo = AwsClients.dynamoDb();
    String table = Env.require("TABLE_NAME");
    Clock clock = Clock.systemUTC();
    this.routes = new LiveRoutes(LinkStore.dynamoDb(dynamo, table), Subscriptions.dynamoDb(dynamo, table, clock),
        Duration.ofSeconds(Env.requireInt("CONNECTION_TTL_SECONDS")), clock);
  }

  LiveRoutesHandler(LiveRoutes routes) {
    this.routes = routes;
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
    var ctx = event.getRequestContext();
    String frame = routes.handle(ctx.getRouteKey(), ctx.getConnectionId(), caller(ctx.getAuthorizer()), event.getBody());
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(200);
    if (frame != null) response.setBody(frame);
    return response;
  }

  /** The subject and token expiry (epoch seconds) the token authorizer put in the connection's context. */
  static LiveRoutes.Caller caller(Object authorizer) {
    if (!(authorizer instanceof Map<?, ?> m) || m.get("sub") == null) return LiveRoutes.Caller.ANONYMOUS;
    Instant expires = null;
    try {
      if (m.get("exp") != null) expires = Instant.ofEpochSecond(Long.parseLong(String.valueOf(m.get("exp"))));
    } catch (NumberFormatException e) {
      expires = Instant.EPOCH; // an unreadable expiry is an expired token
    }
    return new LiveRoutes.Caller(String.valueOf(m.get("sub")), expires);
  }
}
