package dev.linkpulse.local.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Keys;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Link owners watching clicks arrive: the WebSocket API, its authorizer, and the aggregator's coalesced pushes. */
class RealtimeTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  private static LiveClient connect(String token) throws Exception {
    return LiveClient.connect(stack.stack().webSocketUrl(), token);
  }

  private String link(String user) {
    var r = stack.post("/links", stack.token(user), "{\"url\":\"https://example.com/live\"}");
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("code").asText();
  }

  private List<Map<String, AttributeValue>> subscriptionItems(String code) {
    return stack.stack().dynamo().query(r -> r.tableName(stack.stack().tableName("LinkpulseTable"))
        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.subscribersPartition(code))))).items();
  }

  @Test
  void theOwnerReceivesCoalescedUpdatesWhoseTotalsEqualTheStatsApi() throws Exception {
    String owner = "live-" + UUID.randomUUID();
    String code = link(owner);
    try (LiveClient c = connect(stack.token(owner))) {
      c.send("subscribe", code);
      assertThat(c.awaitFrame("subscribed").get("code").asText()).isEqualTo(code);
      for (int i = 0; i < 12; i++) assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
      await().atMost(Duration.ofSeconds(60)).until(() -> c.pushes().stream().mapToLong(p -> p.at("/delta/total").asLong()).sum() == 12);
      assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
      JsonNode last = c.pushes().get(c.pushes().size() - 1);
      // Coalesced: one push per aggregator batch for this link, not one per click.
      assertThat(c.pushes().size()).isLessThan(12);
      String hour = last.get("hour").asText();
      JsonNode stats = stack.get("/links/" + code + "/stats?from=" + hour + "&to=" + java.time.Instant.parse(hour).plusSeconds(3600), stack.token(owner)).json();
      assertThat(last.get("total").asLong()).isEqualTo(stats.get("total").asLong()).isEqualTo(12);
      assertThat(last.get("human").asLong()).isEqualTo(stats.get("human").asLong());
      assertThat(last.get("bot").asLong()).isEqualTo(stats.get("bot").asLong());
      assertThat(last.get("uniques").asLong()).isEqualTo(stats.get("uniques").asLong());
      assertThat(c.pushes().stream().mapToLong(p -> p.get("minutes").findValues("total").stream().mapToLong(JsonNode::asLong).sum()).sum()).isEqualTo(12);
    }
  }

  @Test
  void aNonOwnerIsRefusedExactlyLikeAnUnknownCodeAndNothingIsStored() throws Exception {
    String code = link("alice-" + UUID.randomUUID());
    try (LiveClient mallory = connect(stack.token("mallory"))) {
      mallory.send("subscribe", code);
      JsonNode refused = mallory.awaitFrame("error");
      mallory.frames.clear();
      mallory.send("subscribe", "Nope1234");
      JsonNode unknown = mallory.awaitFrame("error");
      assertThat(refused).isEqualTo(unknown);
      assertThat(refused.get("code").asText()).isEqualTo("not_found");
      mallory.frames.clear();
      mallory.socket.sendText("{\"action\":\"dance\"}", true).join();
      assertThat(mallory.awaitFrame("error").get("code").asText()).isEqualTo("unknown_action");
    }
    assertThat(subscriptionItems(code)).isEmpty();
  }

  @Test
  void aMissingOrInvalidTokenFailsTheHandshake() {
    // The JDK client reports the refused upgrade with its HTTP status: API Gateway answers 401.
    assertThatThrownBy(() -> connect("not-a-jwt")).rootCause().hasMessageContaining("401");
    assertThatThrownBy(() -> connect("")).rootCause().hasMessageContaining("401");
    String expired = stack.stack().issuer().sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(stack.stack().issuer().issuer())
        .audience("linkpulse").subject("alice").expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(600))).build());
    assertThatThrownBy(() -> connect(expired)).rootCause().hasMessageContaining("401");
  }

  @Test
  void aStaleConnectionIsCleanedUpOnItsFirstPush() throws Exception {
    String owner = "stale-" + UUID.randomUUID();
    String code = link(owner);
    LiveClient c = connect(stack.token(owner));
    c.send("subscribe", code);
    c.awaitFrame("subscribed");
    List<Map<String, AttributeValue>> items = subscriptionItems(code);
    assertThat(items).hasSize(1);
    String connectionId = items.get(0).get("connectionId").s();
    // The browser vanished without a close frame: API Gateway still lists nothing, and answers 410 Gone.
    assertThat(stack.stack().webSockets().dropSilently(connectionId)).isTrue();
    assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
    await().atMost(Duration.ofSeconds(60)).until(() -> subscriptionItems(code).isEmpty());
    c.close();
  }

  @Test
  void aSubscriberOfOneLinkHearsNothingAboutAnother() throws Exception {
    String owner = "two-" + UUID.randomUUID();
    String a = link(owner);
    String b = link(owner);
    try (LiveClient watcherOfA = connect(stack.token(owner)); LiveClient watcherOfB = connect(stack.token(owner))) {
      watcherOfA.send("subscribe", a);
      watcherOfA.awaitFrame("subscribed");
      watcherOfB.send("subscribe", b);
      watcherOfB.awaitFrame("subscribed");
      for (int i = 0; i < 3; i++) stack.get("/" + b, null);
      watcherOfB.awaitFrame("clicks");
      assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
      stack.get("/" + a, null);
      watcherOfA.awaitFrame("clicks");
      assertThat(watcherOfA.pushes()).allSatisfy(p -> assertThat(p.get("code").asText()).isEqualTo(a));
      assertThat(watcherOfB.pushes()).allSatisfy(p -> assertThat(p.get("code").asText()).isEqualTo(b));
    }
  }

  @Test
  void disconnectRemovesTheConnectionsSubscriptions() throws Exception {
    String owner = "bye-" + UUID.randomUUID();
    String code = link(owner);
    LiveClient c = connect(stack.token(owner));
    c.send("subscribe", code);
    c.awaitFrame("subscribed");
    assertThat(subscriptionItems(code)).hasSize(1);
    c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    await().atMost(Duration.ofSeconds(30)).until(() -> subscriptionItems(code).isEmpty());
  }
}
