package dev.linkpulse.emulators.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.linkpulse.emulators.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A route function for every route of the test gateways; records each event with the function's name. Behaviour:
 * $connect answers the status in {@code ?connectStatus=} (default 200) and returns a header; {@code echo} replies
 * {@code echo:<body>}; {@code whoami} replies with {@code requestContext.authorizer} as JSON; $default replies
 * {@code default:<body>} and throws for a body containing "explode"; other routes (subscribe) reply nothing.
 */
public final class RecordingRouteHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  public record Invocation(String function, APIGatewayV2WebSocketEvent event) {
    String connectionId() {
      return event.getRequestContext().getConnectionId();
    }

    String routeKey() {
      return event.getRequestContext().getRouteKey();
    }
  }

  static final ConcurrentLinkedQueue<Invocation> INVOCATIONS = new ConcurrentLinkedQueue<>();

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
    INVOCATIONS.add(new Invocation(context.getFunctionName(), event));
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(200);
    String route = event.getRequestContext().getRouteKey();
    switch (route) {
      case "$connect" -> {
        Map<String, String> query = event.getQueryStringParameters();
        if (query != null && query.containsKey("connectStatus")) response.setStatusCode(Integer.parseInt(query.get("connectStatus")));
        response.setHeaders(Map.of("X-Connect-Handler", "yes"));
      }
      case "echo" -> response.setBody("echo:" + event.getBody());
      case "whoami" -> response.setBody(Json.write(new TreeMap<>(event.getRequestContext().getAuthorizer())));
      case "$default" -> {
        if (event.getBody() != null && event.getBody().contains("explode")) throw new IllegalStateException("exploding on purpose");
        response.setBody("default:" + event.getBody());
      }
      default -> { }
    }
    return response;
  }

  static List<Invocation> of(String connectionId) {
    return INVOCATIONS.stream().filter(i -> connectionId.equals(i.connectionId())).toList();
  }

  static List<Invocation> of(String connectionId, String routeKey) {
    return of(connectionId).stream().filter(i -> routeKey.equals(i.routeKey())).toList();
  }
}
