package dev.linkpulse.emulators.apigateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.linkpulse.emulators.lambda.LocalFunction;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * What the WebSocket gateway's tests share: the standard gateway, a real SDK client of its management API, and
 * waits for what the route functions and the authorizer saw (they record into static lists, so each test picks its
 * own connection by a token of its own).
 */
final class WsGateways {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String HANDLER = RecordingRouteHandler.class.getName();

  private WsGateways() {}

  /** The standard gateway and a management client of it, started before a test class and closed after it. */
  static final class Standard implements BeforeAllCallback, AfterAllCallback {
    private WebSocketGateway gateway;
    private ApiGatewayManagementApiClient management;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      gateway = startStandard();
      management = WsGateways.management(gateway);
    }

    @Override
    public void afterAll(ExtensionContext context) {
      if (management != null) management.close();
      if (gateway != null) gateway.close();
    }

    WebSocketGateway gateway() {
      return gateway;
    }

    ApiGatewayManagementApiClient management() {
      return management;
    }

    /** A post to the connection answers 410 Gone: it is closed, dropped or never was. */
    void assertGone(String connectionId) {
      assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(connectionId).data(SdkBytes.fromUtf8String("x"))))
          .isInstanceOf(GoneException.class);
    }
  }
  /**
   * The gateway most tests share: every route to a {@link RecordingRouteHandler}, and the {@link TokenAuthorizer},
   * which decides by the connection's {@code ?token=}.
   */
  static WebSocketGateway startStandard() throws IOException {
    Map<String, LocalFunction> routes = Map.of(
        "$connect", function("ws-connect", HANDLER),
        "$disconnect", function("ws-disconnect", HANDLER),
        "$default", function("ws-default", HANDLER),
        "echo", function("ws-echo", HANDLER),
        "subscribe", function("ws-subscribe", HANDLER),
        "whoami", function("ws-whoami", HANDLER));
    return new WebSocketGateway(0, routes, function("ws-authorizer", TokenAuthorizer.class.getName())).start();
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

}
