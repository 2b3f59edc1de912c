package dev.linkpulse.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.fixtures.MovableClock;
import dev.linkpulse.pipeline.DynamoDbFixture;
import dev.linkpulse.pipeline.LambdaEvents;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The routes function on a WebSocket event as Lambda delivers it: the owner comes from the authorizer's context. */
class LiveRoutesHandlerTest {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:15:30Z"));

  @Test
  void handleRequest_subscribesTheAuthorizedOwner_andAnswersWithOneFrame() throws Exception {
    LinkStore links = LinkStore.dynamoDb(db.dynamo(), db.table());
    links.putIfAbsent(new Link("launch7", "inc1", "https://example.com", "alice", 302, clock.instant(), null, Link.Status.ACTIVE));
    Subscriptions subscriptions = Subscriptions.dynamoDb(db.dynamo(), db.table(), clock);
    LiveRoutesHandler handler = new LiveRoutesHandler(new LiveRoutes(links, subscriptions, Duration.ofHours(2), clock));

    APIGatewayV2WebSocketEvent event = LambdaEvents.load("events/websocket-subscribe-event.json", APIGatewayV2WebSocketEvent.class);
    APIGatewayV2WebSocketResponse response = handler.handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(Json.tree(response.getBody()).path("type").asText()).isEqualTo("subscribed");
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers("launch7"))).containsExactly("L0SM9cOFvHcCIhw=");
  }
}
