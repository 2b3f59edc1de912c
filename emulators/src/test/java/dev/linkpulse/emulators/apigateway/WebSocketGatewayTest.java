package dev.linkpulse.emulators.apigateway;

import static dev.linkpulse.emulators.apigateway.WsGateways.HANDLER;
import static dev.linkpulse.emulators.apigateway.WsGateways.WAIT;
import static dev.linkpulse.emulators.apigateway.WsGateways.authorizerEvent;
import static dev.linkpulse.emulators.apigateway.WsGateways.awaitEvent;
import static dev.linkpulse.emulators.apigateway.WsGateways.connectionId;
import static dev.linkpulse.emulators.apigateway.WsGateways.function;
import static dev.linkpulse.emulators.apigateway.WsGateways.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The WebSocket gateway as a client and the route functions see it: the REQUEST authorizer and the handshake, the
 * events each route gets, routing by action, and its threads. The management API: {@link ManagementApiTest}.
 */
class WebSocketGatewayTest {
  @RegisterExtension static final WsGateways.Standard ws = new WsGateways.Standard();

  @Test
  void anAllowedTokenConnectsAndTheAuthorizerContextReachesEveryEvent() throws Exception {
    long openedBefore = ws.gateway().connectionsOpened();
    long closedBefore = ws.gateway().connectionsClosed();
    String token = "allow-alice";
    WsClient client = WsClient.connect(ws.gateway().url() + "/?token=" + token + "&lang=en&lang=fr");
    String id = connectionId(token);
    assertThat(id).matches("[A-Za-z0-9]{15}=");
    assertThat(ws.gateway().isConnected(id)).isTrue();
    assertThat(ws.gateway().connectionIds()).contains(id);
    assertThat(ws.gateway().connectionsOpened()).isEqualTo(openedBefore + 1);

    // the authorizer's event, as API Gateway sends it to a WebSocket REQUEST authorizer
    JsonNode auth = Json.MAPPER.valueToTree(authorizerEvent(token));
    assertThat(auth.get("type").asText()).isEqualTo("REQUEST");
    assertThat(auth.get("methodArn").asText()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:local/$default/$connect");
    assertThat(auth.path("headers").path("Host").asText()).isEqualTo("127.0.0.1:" + ws.gateway().port());
    assertThat(auth.path("headers").has("Sec-WebSocket-Key")).isTrue();
    assertThat(auth.path("multiValueHeaders").path("Host").get(0).asText()).isEqualTo("127.0.0.1:" + ws.gateway().port());
    assertThat(auth.path("queryStringParameters").path("token").asText()).isEqualTo(token);
    assertThat(auth.path("queryStringParameters").path("lang").asText()).isEqualTo("fr");
    assertThat(auth.path("multiValueQueryStringParameters").path("lang").toString()).isEqualTo("[\"en\",\"fr\"]");
    assertThat(auth.path("stageVariables").isObject()).isTrue();
    JsonNode authCtx = auth.path("requestContext");
    assertThat(authCtx.path("routeKey").asText()).isEqualTo("$connect");
    assertThat(authCtx.path("eventType").asText()).isEqualTo("CONNECT");
    assertThat(authCtx.path("connectionId").asText()).isEqualTo(id);
    assertThat(authCtx.path("stage").asText()).isEqualTo("$default");
    assertThat(authCtx.path("apiId").asText()).isEqualTo("local");
    assertThat(authCtx.path("domainName").asText()).isEqualTo("127.0.0.1:" + ws.gateway().port());
    assertThat(authCtx.path("requestId").asText()).isNotBlank();
    assertThat(authCtx.path("identity").path("sourceIp").asText()).isEqualTo("127.0.0.1");

    Map<String, Object> expectedAuthorizer = Map.of("principalId", "alice", "sub", "alice", "plan", "pro", "quota", 42, "admin", false);

    // $connect: the typed event (deserialized by the Lambda serializer) with the authorizer context
    APIGatewayV2WebSocketEvent connect = awaitEvent(id, "$connect");
    assertThat(connect.getRequestContext().getEventType()).isEqualTo("CONNECT");
    assertThat(connect.getRequestContext().getConnectionId()).isEqualTo(id);
    assertThat(connect.getRequestContext().getStage()).isEqualTo("$default");
    assertThat(connect.getRequestContext().getApiId()).isEqualTo("local");
    assertThat(connect.getRequestContext().getDomainName()).isEqualTo("127.0.0.1:" + ws.gateway().port());
    assertThat(connect.getRequestContext().getConnectedAt()).isPositive();
    assertThat(connect.getRequestContext().getRequestTimeEpoch()).isGreaterThanOrEqualTo(connect.getRequestContext().getConnectedAt());
    assertThat(connect.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(connect.getRequestContext().getAuthorizer()).isEqualTo(expectedAuthorizer);
    assertThat(connect.getHeaders()).containsEntry("Host", "127.0.0.1:" + ws.gateway().port());
    assertThat(connect.getMultiValueQueryStringParameters().get("lang")).containsExactly("en", "fr");
    assertThat(connect.isIsBase64Encoded()).isFalse();

    // MESSAGE: the same context, and the route response comes back
    client.send("{\"action\":\"whoami\"}");
    assertThat(Json.tree(client.next())).isEqualTo(Json.MAPPER.valueToTree(expectedAuthorizer));
    APIGatewayV2WebSocketEvent message = awaitEvent(id, "whoami");
    assertThat(message.getRequestContext().getEventType()).isEqualTo("MESSAGE");
    assertThat(message.getRequestContext().getMessageId()).matches("[A-Za-z0-9]{15}=");
    assertThat(message.getRequestContext().getConnectedAt()).isEqualTo(connect.getRequestContext().getConnectedAt());
    assertThat(message.getRequestContext().getAuthorizer()).isEqualTo(expectedAuthorizer);
    assertThat(message.getBody()).isEqualTo("{\"action\":\"whoami\"}");
    assertThat(message.isIsBase64Encoded()).isFalse();

    // DISCONNECT when the client closes
    client.close();
    APIGatewayV2WebSocketEvent disconnect = awaitEvent(id, "$disconnect");
    assertThat(disconnect.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
    assertThat(disconnect.getRequestContext().getConnectionId()).isEqualTo(id);
    assertThat(disconnect.getRequestContext().getAuthorizer()).isEqualTo(expectedAuthorizer);
    assertThat(ws.gateway().isConnected(id)).isFalse();
    assertThat(ws.gateway().connectionsClosed()).isGreaterThanOrEqualTo(closedBefore + 1);
    assertThat(RecordingRouteHandler.of(id).stream().map(RecordingRouteHandler.Invocation::function))
        .containsExactly("ws-connect", "ws-whoami", "ws-disconnect");
  }

  @Test
  void deniedFailingOrMalformedAuthorizersRefuseTheHandshakeAndConnectNeverRuns() throws Exception {
    long connectsBefore = RecordingRouteHandler.INVOCATIONS.stream().filter(i -> i.routeKey().equals("$connect")).count();
    long rejectedBefore = ws.gateway().connectionsRejected();
    int authorizerCallsBefore = TokenAuthorizer.EVENTS.size();

    assertThat(WsClient.refusedStatus(ws.gateway().url() + "/?token=deny")).isEqualTo(403);
    assertThat(WsClient.refusedStatus(ws.gateway().url())).isEqualTo(403);                      // no token: implicit deny
    assertThat(WsClient.refusedStatus(ws.gateway().url() + "/?token=unauthorized")).isEqualTo(401); // error "Unauthorized"
    assertThat(WsClient.refusedStatus(ws.gateway().url() + "/?token=boom")).isEqualTo(500);      // any other error
    assertThat(WsClient.refusedStatus(ws.gateway().url() + "/?token=malformed")).isEqualTo(500); // no policy document
    assertThat(WsClient.refusedStatus(ws.gateway().url() + "/?token=nested")).isEqualTo(500);    // object in the context

    assertThat(TokenAuthorizer.EVENTS.size()).isEqualTo(authorizerCallsBefore + 6);
    assertThat(ws.gateway().connectionsRejected()).isEqualTo(rejectedBefore + 6);
    assertThat(RecordingRouteHandler.INVOCATIONS.stream().filter(i -> i.routeKey().equals("$connect")).count()).isEqualTo(connectsBefore);
  }

  @Test
  void aConnectFunctionAnsweringNon2xxRefusesTheHandshakeAndNoDisconnectFollows() throws Exception {
    String token = "allow-refused";
    assertThat(WsClient.refusedStatus(ws.gateway().url() + "/?token=" + token + "&connectStatus=429")).isEqualTo(429);
    String id = connectionId(token);
    assertThat(ws.gateway().isConnected(id)).isFalse();
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> RecordingRouteHandler.of(id, "$disconnect").isEmpty());
    ws.assertGone(id);
  }

  @Test
  void messagesAreRoutedByActionAndEverythingElseGoesToDefault() throws Exception {
    String token = "allow-router";
    try (WsClient client = WsClient.connect(ws.gateway().url() + "/?token=" + token)) {
      String id = connectionId(token);
      long inBefore = ws.gateway().messagesIn();
      client.send("{\"action\":\"echo\",\"n\":1}");
      client.send("{\"action\":\"subscribe\",\"code\":\"abc\"}");   // no reply: subscribe returns no body
      client.send("not json at all");
      client.send("{\"action\":\"nosuchroute\"}");
      client.send("{\"code\":\"abc\"}");
      client.send("{\"action\":{\"nested\":true}}");
      client.send("{\"action\":\"$disconnect\"}");                   // $ routes cannot be selected
      client.send("{\"action\":\"explode\"}");                       // $default throws for "explode"

      // one connection's messages are handled in order, so the replies come in order
      assertThat(client.next()).isEqualTo("echo:{\"action\":\"echo\",\"n\":1}");
      assertThat(client.next()).isEqualTo("default:not json at all");
      assertThat(client.next()).isEqualTo("default:{\"action\":\"nosuchroute\"}");
      assertThat(client.next()).isEqualTo("default:{\"code\":\"abc\"}");
      assertThat(client.next()).isEqualTo("default:{\"action\":{\"nested\":true}}");
      assertThat(client.next()).isEqualTo("default:{\"action\":\"$disconnect\"}");
      JsonNode error = Json.tree(client.next());
      assertThat(error.path("message").asText()).isEqualTo("Internal server error");
      assertThat(error.path("connectionId").asText()).isEqualTo(id);
      assertThat(error.path("requestId").asText()).isNotBlank();

      assertThat(ws.gateway().messagesIn()).isEqualTo(inBefore + 8);
      List<RecordingRouteHandler.Invocation> calls = RecordingRouteHandler.of(id).stream().filter(i -> !i.routeKey().startsWith("$c")).toList();
      assertThat(calls.stream().map(i -> i.function() + ">" + i.routeKey())).containsExactly(
          "ws-echo>echo", "ws-subscribe>subscribe", "ws-default>$default", "ws-default>$default", "ws-default>$default",
          "ws-default>$default", "ws-default>$default", "ws-default>$default");
      assertThat(calls.get(1).event().getBody()).isEqualTo("{\"action\":\"subscribe\",\"code\":\"abc\"}");
      assertThat(calls.stream().map(i -> i.event().getRequestContext().getMessageId()).distinct()).hasSize(8);
    }
  }

  @Test
  void eventsLibraryAuthorizerTypesIdentitySourcesAndNoDefaultRoute() throws Exception {
    LocalFunction authorizer = function("ws-iam-authorizer", IamPolicyAuthorizer.class.getName());
    Map<String, LocalFunction> routes = Map.of("whoami", function("ws2-whoami", HANDLER));
    try (WebSocketGateway gw = new WebSocketGateway(0, routes, authorizer)
        .identitySources(List.of("route.request.querystring.token")).start()) {
      int calls = IamPolicyAuthorizer.EVENTS.size();
      assertThat(WsClient.refusedStatus(gw.url())).isEqualTo(401);               // identity source missing
      assertThat(WsClient.refusedStatus(gw.url() + "/?token=")).isEqualTo(401);  // empty
      assertThat(IamPolicyAuthorizer.EVENTS.size()).isEqualTo(calls);             // the authorizer never ran
      assertThat(WsClient.refusedStatus(gw.url() + "/?token=bad")).isEqualTo(403);

      try (WsClient client = WsClient.connect(gw.url() + "/stage/path?token=good")) {
        APIGatewayCustomAuthorizerEvent seen = IamPolicyAuthorizer.EVENTS.stream().reduce((a, b) -> b).orElseThrow();
        assertThat(seen.getType()).isEqualTo("REQUEST");
        assertThat(seen.getMethodArn()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:local/$default/$connect");
        assertThat(seen.getQueryStringParameters()).containsEntry("token", "good");
        assertThat(seen.getRequestContext().getStage()).isEqualTo("$default");

        client.send("{\"action\":\"whoami\"}");
        assertThat(Json.tree(client.next())).isEqualTo(Json.tree("{\"principalId\":\"iam-user\",\"sub\":\"bob\",\"tier\":3}"));
        client.send("{\"action\":\"nothing\"}");
        JsonNode forbidden = Json.tree(client.next());
        assertThat(forbidden.path("message").asText()).isEqualTo("Forbidden");
        assertThat(gw.connectionIds()).containsExactly(forbidden.path("connectionId").asText());
      }
    }
  }

  @Test
  void threadsAreNamedDaemonAndGoneAfterClose() throws Exception {
    WebSocketGateway gw = new WebSocketGateway(0, Map.of("$default", function("ws3-default", HANDLER),
        "$disconnect", function("ws3-disconnect", HANDLER))).start();
    String prefix = gw.threadNamePrefix() + "-";
    WsClient client = WsClient.connect(gw.url());
    client.send("hello");
    assertThat(client.next()).isEqualTo("default:hello");
    try (ApiGatewayManagementApiClient mgmt = management(gw)) {
      String id = gw.connectionIds().iterator().next();
      mgmt.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("pushed")));
      assertThat(client.next()).isEqualTo("pushed");
    }
    Set<Thread> ours = threads(prefix);
    assertThat(ours).extracting(Thread::getName).anyMatch(n -> n.endsWith("-selector"))
        .anyMatch(n -> n.contains("-worker-")).anyMatch(n -> n.contains("-invoke-")).anyMatch(n -> n.contains("-management-"));
    assertThat(ours).allMatch(Thread::isDaemon);
    assertThat(gw.connectionsOpened()).isEqualTo(1);
    assertThat(gw.messagesIn()).isEqualTo(1);
    assertThat(gw.routeResponses()).isEqualTo(1);
    assertThat(gw.posts()).isEqualTo(1);

    gw.close();
    // closing the gateway closes its connections: the client is told, and $disconnect ran
    assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1001);
    assertThat(gw.connectionsClosed()).isEqualTo(1);
    assertThat(RecordingRouteHandler.INVOCATIONS).anyMatch(i -> i.function().equals("ws3-disconnect"));
    await().atMost(WAIT).until(() -> threads(prefix).isEmpty());
  }

  static Set<Thread> threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> t.getName().startsWith(prefix))
        .collect(java.util.stream.Collectors.toSet());
  }
}
