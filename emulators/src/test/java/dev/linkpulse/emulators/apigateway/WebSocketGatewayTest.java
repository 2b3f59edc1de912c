package dev.linkpulse.emulators.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

class WebSocketGatewayTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String HANDLER = RecordingRouteHandler.class.getName();
  static WebSocketGateway gateway;
  static ApiGatewayManagementApiClient management;

  @BeforeAll
  static void start() throws Exception {
    Map<String, LocalFunction> routes = Map.of(
        "$connect", function("ws-connect", HANDLER),
        "$disconnect", function("ws-disconnect", HANDLER),
        "$default", function("ws-default", HANDLER),
        "echo", function("ws-echo", HANDLER),
        "subscribe", function("ws-subscribe", HANDLER),
        "whoami", function("ws-whoami", HANDLER));
    gateway = new WebSocketGateway(0, routes, function("ws-authorizer", TokenAuthorizer.class.getName())).start();
    management = management(gateway);
  }

  @AfterAll
  static void stop() {
    if (management != null) management.close();
    if (gateway != null) gateway.close();
  }

  static LocalFunction function(String name, String handler) {
    return new LocalFunction(name, handler, Map.of(), 30, 256);
  }

  static ApiGatewayManagementApiClient management(WebSocketGateway gw) {
    return ApiGatewayManagementApiClient.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .endpointOverride(URI.create(gw.managementEndpoint())).build();
  }

  /** The connection id the $connect function saw for the connection opened with {@code ?token=<token>}. */
  static String connectionId(String token) {
    return await().atMost(WAIT).until(() -> RecordingRouteHandler.INVOCATIONS.stream()
        .filter(i -> i.routeKey().equals("$connect") && i.event().getQueryStringParameters() != null
            && token.equals(i.event().getQueryStringParameters().get("token")))
        .map(RecordingRouteHandler.Invocation::connectionId).findFirst().orElse(null), id -> id != null);
  }

  static Map<String, Object> authorizerEvent(String token) {
    return TokenAuthorizer.EVENTS.stream().filter(e -> token.equals(((Map<?, ?>) e.get("queryStringParameters")).get("token")))
        .findFirst().orElseThrow();
  }

  static APIGatewayV2WebSocketEvent awaitEvent(String connectionId, String routeKey) {
    return await().atMost(WAIT).until(() -> RecordingRouteHandler.of(connectionId, routeKey), l -> !l.isEmpty()).get(0).event();
  }

  @Test
  void anAllowedTokenConnectsAndTheAuthorizerContextReachesEveryEvent() throws Exception {
    long openedBefore = gateway.connectionsOpened();
    long closedBefore = gateway.connectionsClosed();
    String token = "allow-alice";
    WsClient client = WsClient.connect(gateway.url() + "/?token=" + token + "&lang=en&lang=fr");
    String id = connectionId(token);
    assertThat(id).matches("[A-Za-z0-9]{15}=");
    assertThat(gateway.isConnected(id)).isTrue();
    assertThat(gateway.connectionIds()).contains(id);
    assertThat(gateway.connectionsOpened()).isEqualTo(openedBefore + 1);

    // the authorizer's event, as API Gateway sends it to a WebSocket REQUEST authorizer
    JsonNode auth = Json.MAPPER.valueToTree(authorizerEvent(token));
    assertThat(auth.get("type").asText()).isEqualTo("REQUEST");
    assertThat(auth.get("methodArn").asText()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:local/$default/$connect");
    assertThat(auth.path("headers").path("Host").asText()).isEqualTo("127.0.0.1:" + gateway.port());
    assertThat(auth.path("headers").has("Sec-WebSocket-Key")).isTrue();
    assertThat(auth.path("multiValueHeaders").path("Host").get(0).asText()).isEqualTo("127.0.0.1:" + gateway.port());
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
    assertThat(authCtx.path("domainName").asText()).isEqualTo("127.0.0.1:" + gateway.port());
    assertThat(authCtx.path("requestId").asText()).isNotBlank();
    assertThat(authCtx.path("identity").path("sourceIp").asText()).isEqualTo("127.0.0.1");

    Map<String, Object> expectedAuthorizer = Map.of("principalId", "alice", "sub", "alice", "plan", "pro", "quota", 42, "admin", false);

    // $connect: the typed event (deserialized by the Lambda serializer) with the authorizer context
    APIGatewayV2WebSocketEvent connect = awaitEvent(id, "$connect");
    assertThat(connect.getRequestContext().getEventType()).isEqualTo("CONNECT");
    assertThat(connect.getRequestContext().getConnectionId()).isEqualTo(id);
    assertThat(connect.getRequestContext().getStage()).isEqualTo("$default");
    assertThat(connect.getRequestContext().getApiId()).isEqualTo("local");
    assertThat(connect.getRequestContext().getDomainName()).isEqualTo("127.0.0.1:" + gateway.port());
    assertThat(connect.getRequestContext().getConnectedAt()).isPositive();
    assertThat(connect.getRequestContext().getRequestTimeEpoch()).isGreaterThanOrEqualTo(connect.getRequestContext().getConnectedAt());
    assertThat(connect.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(connect.getRequestContext().getAuthorizer()).isEqualTo(expectedAuthorizer);
    assertThat(connect.getHeaders()).containsEntry("Host", "127.0.0.1:" + gateway.port());
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
    assertThat(gateway.isConnected(id)).isFalse();
    assertThat(gateway.connectionsClosed()).isGreaterThanOrEqualTo(closedBefore + 1);
    assertThat(RecordingRouteHandler.of(id).stream().map(RecordingRouteHandler.Invocation::function))
        .containsExactly("ws-connect", "ws-whoami", "ws-disconnect");
  }

  @Test
  void deniedFailingOrMalformedAuthorizersRefuseTheHandshakeAndConnectNeverRuns() throws Exception {
    long connectsBefore = RecordingRouteHandler.INVOCATIONS.stream().filter(i -> i.routeKey().equals("$connect")).count();
    long rejectedBefore = gateway.connectionsRejected();
    int authorizerCallsBefore = TokenAuthorizer.EVENTS.size();

    assertThat(WsClient.refusedStatus(gateway.url() + "/?token=deny")).isEqualTo(403);
    assertThat(WsClient.refusedStatus(gateway.url())).isEqualTo(403);                      // no token: implicit deny
    assertThat(WsClient.refusedStatus(gateway.url() + "/?token=unauthorized")).isEqualTo(401); // error "Unauthorized"
    assertThat(WsClient.refusedStatus(gateway.url() + "/?token=boom")).isEqualTo(500);      // any other error
    assertThat(WsClient.refusedStatus(gateway.url() + "/?token=malformed")).isEqualTo(500); // no policy document
    assertThat(WsClient.refusedStatus(gateway.url() + "/?token=nested")).isEqualTo(500);    // object in the context

    assertThat(TokenAuthorizer.EVENTS.size()).isEqualTo(authorizerCallsBefore + 6);
    assertThat(gateway.connectionsRejected()).isEqualTo(rejectedBefore + 6);
    assertThat(RecordingRouteHandler.INVOCATIONS.stream().filter(i -> i.routeKey().equals("$connect")).count()).isEqualTo(connectsBefore);
  }

  @Test
  void aConnectFunctionAnsweringNon2xxRefusesTheHandshakeAndNoDisconnectFollows() throws Exception {
    String token = "allow-refused";
    assertThat(WsClient.refusedStatus(gateway.url() + "/?token=" + token + "&connectStatus=429")).isEqualTo(429);
    String id = connectionId(token);
    assertThat(gateway.isConnected(id)).isFalse();
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> RecordingRouteHandler.of(id, "$disconnect").isEmpty());
    assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
        .isInstanceOf(GoneException.class);
  }

  @Test
  void messagesAreRoutedByActionAndEverythingElseGoesToDefault() throws Exception {
    String token = "allow-router";
    try (WsClient client = WsClient.connect(gateway.url() + "/?token=" + token)) {
      String id = connectionId(token);
      long inBefore = gateway.messagesIn();
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

      assertThat(gateway.messagesIn()).isEqualTo(inBefore + 8);
      List<RecordingRouteHandler.Invocation> calls = RecordingRouteHandler.of(id).stream().filter(i -> !i.routeKey().startsWith("$c")).toList();
      assertThat(calls.stream().map(i -> i.function() + ">" + i.routeKey())).containsExactly(
          "ws-echo>echo", "ws-subscribe>subscribe", "ws-default>$default", "ws-default>$default", "ws-default>$default",
          "ws-default>$default", "ws-default>$default", "ws-default>$default");
      assertThat(calls.get(1).event().getBody()).isEqualTo("{\"action\":\"subscribe\",\"code\":\"abc\"}");
      assertThat(calls.stream().map(i -> i.event().getRequestContext().getMessageId()).distinct()).hasSize(8);
    }
  }

  @Test
  void postToConnectionThroughTheRealSdkClientReachesTheClient() throws Exception {
    String token = "allow-poster";
    try (WsClient client = WsClient.connect(gateway.url() + "/?token=" + token)) {
      String id = connectionId(token);
      long postsBefore = gateway.posts();
      // the SDK URL-encodes the id's '=' as %3D
      management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("{\"code\":\"abc\",\"clicks\":7}")));
      management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("second ✓")));
      assertThat(client.next()).isEqualTo("{\"code\":\"abc\",\"clicks\":7}");
      assertThat(client.next()).isEqualTo("second ✓");
      assertThat(gateway.posts()).isEqualTo(postsBefore + 2);

      byte[] tooBig = new byte[WebSocketGateway.MAX_MESSAGE_BYTES + 1];
      assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromByteArray(tooBig))))
          .isInstanceOf(software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException.class);
    }
  }

  @Test
  void aClosedOrUnknownConnectionIsGone() throws Exception {
    String token = "allow-leaver";
    WsClient client = WsClient.connect(gateway.url() + "/?token=" + token);
    String id = connectionId(token);
    client.close();
    awaitEvent(id, "$disconnect");
    long goneBefore = gateway.gone();

    assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("late"))))
        .isInstanceOfSatisfying(GoneException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
    assertThatThrownBy(() -> management.getConnection(b -> b.connectionId(id))).isInstanceOf(GoneException.class);
    assertThatThrownBy(() -> management.deleteConnection(b -> b.connectionId(id))).isInstanceOf(GoneException.class);
    assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId("AAAAAAAAAAAAAAA=").data(SdkBytes.fromUtf8String("x"))))
        .isInstanceOf(GoneException.class);
    assertThat(gateway.gone()).isEqualTo(goneBefore + 4);
  }

  @Test
  void aSilentlyDroppedConnectionIsGoneAndNeverDisconnects() throws Exception {
    String token = "allow-vanisher";
    WsClient client = WsClient.connect(gateway.url() + "/?token=" + token);
    String id = connectionId(token);
    long closedBefore = gateway.connectionsClosed();

    assertThat(gateway.dropSilently(id)).isTrue();
    assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1006); // no close frame: the connection just broke
    assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("anyone?"))))
        .isInstanceOfSatisfying(GoneException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
    assertThat(gateway.isConnected(id)).isFalse();
    assertThat(gateway.dropSilently(id)).isFalse();
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> RecordingRouteHandler.of(id, "$disconnect").isEmpty());
    assertThat(gateway.connectionsClosed()).isEqualTo(closedBefore);
  }

  @Test
  void deleteConnectionClosesTheSocketAndFiresDisconnect() throws Exception {
    String token = "allow-kicked";
    WsClient client = WsClient.connect(gateway.url() + "/?token=" + token);
    String id = connectionId(token);

    management.deleteConnection(b -> b.connectionId(id));
    assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
    APIGatewayV2WebSocketEvent disconnect = awaitEvent(id, "$disconnect");
    assertThat(disconnect.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
    assertThat(gateway.isConnected(id)).isFalse();
    assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
        .isInstanceOf(GoneException.class);
  }

  @Test
  void getConnectionDescribesTheConnection() throws Exception {
    String token = "allow-described";
    try (WsClient client = WsClient.connect(gateway.url() + "/?token=" + token)) {
      String id = connectionId(token);
      APIGatewayV2WebSocketEvent connect = awaitEvent(id, "$connect");

      GetConnectionResponse first = management.getConnection(b -> b.connectionId(id));
      assertThat(first.connectedAt()).isEqualTo(Instant.ofEpochMilli(connect.getRequestContext().getConnectedAt()));
      assertThat(first.identity().sourceIp()).isEqualTo("127.0.0.1");
      assertThat(first.identity().userAgent()).isNotBlank().isEqualTo(connect.getRequestContext().getIdentity().getUserAgent());
      assertThat(first.lastActiveAt()).isEqualTo(first.connectedAt());

      client.send("{\"action\":\"subscribe\",\"code\":\"xyz\"}");
      await().atMost(WAIT).until(() -> management.getConnection(b -> b.connectionId(id)).lastActiveAt().isAfter(first.connectedAt()));
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
