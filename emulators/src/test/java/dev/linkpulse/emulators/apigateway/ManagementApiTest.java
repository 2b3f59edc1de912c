package dev.linkpulse.emulators.apigateway;

import static dev.linkpulse.emulators.apigateway.WsGateways.WAIT;
import static dev.linkpulse.emulators.apigateway.WsGateways.awaitEvent;
import static dev.linkpulse.emulators.apigateway.WsGateways.connectionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * The WebSocket gateway's management API ({@code @connections}: PostToConnection, GetConnection, DeleteConnection)
 * through the real SDK client: what reaches the client, and when a connection is gone.
 */
class ManagementApiTest {
  @RegisterExtension static final WsGateways.Standard ws = new WsGateways.Standard();

  @Test
  void postToConnectionThroughTheRealSdkClientReachesTheClient() throws Exception {
    String token = "allow-poster";
    try (WsClient client = WsClient.connect(ws.gateway().url() + "/?token=" + token)) {
      String id = connectionId(token);
      long postsBefore = ws.gateway().posts();
      // the SDK URL-encodes the id's '=' as %3D
      ws.management().postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("{\"code\":\"abc\",\"clicks\":7}")));
      ws.management().postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("second ✓")));
      assertThat(client.next()).isEqualTo("{\"code\":\"abc\",\"clicks\":7}");
      assertThat(client.next()).isEqualTo("second ✓");
      assertThat(ws.gateway().posts()).isEqualTo(postsBefore + 2);

      byte[] tooBig = new byte[WebSocketGateway.MAX_MESSAGE_BYTES + 1];
      assertThatThrownBy(() -> ws.management().postToConnection(b -> b.connectionId(id).data(SdkBytes.fromByteArray(tooBig))))
          .isInstanceOf(software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException.class);
    }
  }

  @Test
  void aClosedOrUnknownConnectionIsGone() throws Exception {
    String token = "allow-leaver";
    WsClient client = WsClient.connect(ws.gateway().url() + "/?token=" + token);
    String id = connectionId(token);
    client.close();
    awaitEvent(id, "$disconnect");
    long goneBefore = ws.gateway().gone();

    assertThatThrownBy(() -> ws.management().postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("late"))))
        .isInstanceOfSatisfying(GoneException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
    assertThatThrownBy(() -> ws.management().getConnection(b -> b.connectionId(id))).isInstanceOf(GoneException.class);
    assertThatThrownBy(() -> ws.management().deleteConnection(b -> b.connectionId(id))).isInstanceOf(GoneException.class);
    ws.assertGone("AAAAAAAAAAAAAAA=");
    assertThat(ws.gateway().gone()).isEqualTo(goneBefore + 4);
  }

  @Test
  void aSilentlyDroppedConnectionIsGoneAndNeverDisconnects() throws Exception {
    String token = "allow-vanisher";
    WsClient client = WsClient.connect(ws.gateway().url() + "/?token=" + token);
    String id = connectionId(token);
    long closedBefore = ws.gateway().connectionsClosed();

    assertThat(ws.gateway().dropSilently(id)).isTrue();
    assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1006); // no close frame: the connection just broke
    assertThatThrownBy(() -> ws.management().postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("anyone?"))))
        .isInstanceOfSatisfying(GoneException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
    assertThat(ws.gateway().isConnected(id)).isFalse();
    assertThat(ws.gateway().dropSilently(id)).isFalse();
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> RecordingRouteHandler.of(id, "$disconnect").isEmpty());
    assertThat(ws.gateway().connectionsClosed()).isEqualTo(closedBefore);
  }

  @Test
  void deleteConnectionClosesTheSocketAndFiresDisconnect() throws Exception {
    String token = "allow-kicked";
    WsClient client = WsClient.connect(ws.gateway().url() + "/?token=" + token);
    String id = connectionId(token);

    ws.management().deleteConnection(b -> b.connectionId(id));
    assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
    APIGatewayV2WebSocketEvent disconnect = awaitEvent(id, "$disconnect");
    assertThat(disconnect.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
    assertThat(ws.gateway().isConnected(id)).isFalse();
    ws.assertGone(id);
  }

  @Test
  void getConnectionDescribesTheConnection() throws Exception {
    String token = "allow-described";
    try (WsClient client = WsClient.connect(ws.gateway().url() + "/?token=" + token)) {
      String id = connectionId(token);
      APIGatewayV2WebSocketEvent connect = awaitEvent(id, "$connect");

      GetConnectionResponse first = ws.management().getConnection(b -> b.connectionId(id));
      assertThat(first.connectedAt()).isEqualTo(Instant.ofEpochMilli(connect.getRequestContext().getConnectedAt()));
      assertThat(first.identity().sourceIp()).isEqualTo("127.0.0.1");
      assertThat(first.identity().userAgent()).isNotBlank().isEqualTo(connect.getRequestContext().getIdentity().getUserAgent());
      assertThat(first.lastActiveAt()).isEqualTo(first.connectedAt());

      client.send("{\"action\":\"subscribe\",\"code\":\"xyz\"}");
      await().atMost(WAIT).until(() -> ws.management().getConnection(b -> b.connectionId(id)).lastActiveAt().isAfter(first.connectedAt()));
    }
  }
}
