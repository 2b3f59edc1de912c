package dev.linkpulse.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.fixtures.MovableClock;
import dev.linkpulse.pipeline.DynamoDbFixture;
import dev.linkpulse.pipeline.TestClicks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WebSocket routes on the real DynamoDB adapters of links and subscriptions. */
class LiveRoutesTest {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();
  static final Duration TTL = Duration.ofHours(2);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private Subscriptions subscriptions;
  private LiveRoutes routes;
  private String code;

  @BeforeEach
  void aliceOwnsALink() {
    LinkStore links = LinkStore.dynamoDb(db.dynamo(), db.table());
    subscriptions = Subscriptions.dynamoDb(db.dynamo(), db.table(), clock);
    routes = new LiveRoutes(links, subscriptions, TTL, clock);
    code = TestClicks.code("live");
    links.putIfAbsent(new Link(code, "inc1", "https://example.com", "alice", 302, clock.instant(), null, Link.Status.ACTIVE));
  }

  /** A caller whose token holds for the connection's lifetime; null for a connection without an authorizer subject. */
  private LiveRoutes.Caller caller(String owner) {
    return owner == null ? LiveRoutes.Caller.ANONYMOUS : new LiveRoutes.Caller(owner, clock.instant().plus(TTL));
  }

  private static JsonNode frame(String text) throws Exception {
    return Json.tree(text);
  }

  private String subscribe(String connectionId, String owner, String code) {
    return routes.handle("subscribe", connectionId, caller(owner), "{\"action\":\"subscribe\",\"code\":\"" + code + "\"}");
  }

  @Test
  void subscribe_toOwnLink_subscribesUntilTheConnectionTtl() throws Exception {
    JsonNode answer = frame(subscribe("c1", "alice", code));
    assertThat(answer.path("type").asText()).isEqualTo("subscribed");
    assertThat(answer.path("code").asText()).isEqualTo(code);
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).containsExactly("c1");
    clock.advance(TTL.plusSeconds(1));
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).as("lapsed with the connection's lifetime").isEmpty();
  }

  @Test
  void subscribe_toSomeoneElsesLink_answersLikeAnUnknownCode_andStoresNothing() throws Exception {
    String stranger = subscribe("c1", "mallory", code);
    String unknown = subscribe("c1", "mallory", code + "x");
    assertThat(frame(stranger).path("code").asText()).isEqualTo("not_found");
    assertThat(stranger).isEqualTo(unknown);
    assertThat(frame(subscribe("c1", null, code)).path("code").asText()).as("no authorizer subject").isEqualTo("not_found");
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).isEmpty();
  }

  @Test
  void subscribe_withoutAValidCode_isABadRequest() throws Exception {
    for (String body : new String[] {null, "", "{not json", "{\"action\":\"subscribe\"}", "{\"code\":\"has space\"}"}) {
      JsonNode answer = frame(routes.handle("subscribe", "c1", caller("alice"), body));
      assertThat(answer.path("code").asText()).as(String.valueOf(body)).isEqualTo("bad_request");
    }
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).isEmpty();
  }

  @Test
  void unsubscribe_andDisconnect_removeTheSubscription() throws Exception {
    subscribe("c1", "alice", code);
    subscribe("c2", "alice", code);
    JsonNode answer = frame(routes.handle("unsubscribe", "c1", caller("alice"), "{\"action\":\"unsubscribe\",\"code\":\"" + code + "\"}"));
    assertThat(answer.path("type").asText()).isEqualTo("unsubscribed");
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).containsExactly("c2");
    assertThat(routes.handle("$disconnect", "c2", LiveRoutes.Caller.ANONYMOUS, null)).isNull();
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).isEmpty();
  }

  @Test
  void connect_answersNothing_andAnUnknownActionIsNamed() throws Exception {
    assertThat(routes.handle("$connect", "c1", caller("alice"), null)).isNull();
    assertThat(frame(routes.handle("$default", "c1", caller("alice"), "{\"action\":\"dance\"}")).path("code").asText()).isEqualTo("unknown_action");
  }

  @Test
  void subscribe_recordsTheLinksLifeAndTheTokensExpiry_soThePushCanCheckBoth() {
    Instant tokenExpiry = clock.instant().plusSeconds(600);
    routes.handle("subscribe", "c1", new LiveRoutes.Caller("alice", tokenExpiry), "{\"action\":\"subscribe\",\"code\":\"" + code + "\"}");
    assertThat(subscriptions.subscribers(code)).containsExactly(new Subscriber("c1", "alice", "inc1", tokenExpiry));
  }

  @Test
  void subscribe_withATokenThatHasExpired_isRefused_andStoresNothing() throws Exception {
    String answer = routes.handle("subscribe", "c1", new LiveRoutes.Caller("alice", clock.instant().minusSeconds(1)),
        "{\"action\":\"subscribe\",\"code\":\"" + code + "\"}");
    assertThat(frame(answer).path("code").asText()).isEqualTo("token_expired");
    assertThat(subscriptions.subscribers(code)).isEmpty();
  }

  @Test
  void subscribe_withDuplicateKeysInTheFrame_isABadRequest() throws Exception {
    String answer = routes.handle("subscribe", "c1", caller("alice"), "{\"action\":\"subscribe\",\"code\":\"" + code + "\",\"code\":\"other1\"}");
    assertThat(frame(answer).path("code").asText()).isEqualTo("bad_request");
    assertThat(subscriptions.subscribers(code)).isEmpty();
  }
}
