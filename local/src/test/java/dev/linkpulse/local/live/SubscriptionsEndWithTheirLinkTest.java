package dev.linkpulse.local.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.core.Keys;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Defect 2 of issue 11: a subscription was checked against its link once, at subscribe time. Alice subscribed,
 * deleted her link and kept the socket open; Bob re-created the alias, and Alice received his pushes. Ownership now
 * holds at push time, deleting a link ends its subscriptions, and a connection whose token expired is closed.
 */
class SubscriptionsEndWithTheirLinkTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token).parameter("LinkCacheSeconds", "1");

  private static LiveClient connect(String token) throws Exception {
    return LiveClient.connect(stack.stack().webSocketUrl(), token);
  }

  private static void create(String token, String alias) {
    create(token, alias, "https://example.com/live");
  }

  private static void create(String token, String alias, String url) {
    var r = stack.post("/links", token, "{\"url\":\"" + url + "\",\"alias\":\"" + alias + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static void click(String code) {
    assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
  }

  private static List<Map<String, AttributeValue>> subscriptionItems(String code) {
    return stack.stack().dynamo().query(r -> r.tableName(stack.stack().tableName("LinkpulseTable"))
        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.subscribersPartition(code))))
        .consistentRead(true)).items();
  }

  @Test
  void aSubscriberOfADeletedLinkHearsNothingOfTheNextOwnersClicks() throws Exception {
    String alias = "reuse-" + UUID.randomUUID().toString().substring(0, 8);
    String alice = stack.token("alice-" + alias);
    String bob = stack.token("bob-" + alias);
    create(alice, alias);
    try (LiveClient alicesPage = connect(alice); LiveClient bobsPage = connect(bob)) {
      alicesPage.send("subscribe", alias);
      alicesPage.awaitFrame("subscribed");
      click(alias);
      await().atMost(Duration.ofSeconds(60)).until(() -> alicesPage.pushedClicks() == 1);
      assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();

      assertThat(stack.delete("/links/" + alias, alice).status()).isEqualTo(204);
      create(bob, alias, "https://bob.example/");
      bobsPage.send("subscribe", alias);
      bobsPage.awaitFrame("subscribed");
      // The redirect caches a link for LinkCacheSeconds (1 s here): wait until it serves Bob's link, then click.
      await().atMost(Duration.ofSeconds(90)).until(() -> "https://bob.example/".equals(stack.get("/" + alias, null).header("location")));
      for (int i = 0; i < 3; i++) click(alias);
      await().atMost(Duration.ofSeconds(90)).until(() -> bobsPage.pushedClicks() >= 3);
      assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();

      assertThat(alicesPage.pushedClicks()).as("Alice's page heard only her own click").isEqualTo(1);
      assertThat(alicesPage.pushes()).allSatisfy(p -> assertThat(p.at("/total").asLong()).isEqualTo(1));
    }
  }

  @Test
  void deletingALinkEndsItsSubscriptions() throws Exception {
    String alias = "gone-" + UUID.randomUUID().toString().substring(0, 8);
    String alice = stack.token("alice-" + alias);
    create(alice, alias);
    try (LiveClient page = connect(alice)) {
      page.send("subscribe", alias);
      page.awaitFrame("subscribed");
      assertThat(subscriptionItems(alias)).hasSize(1);

      assertThat(stack.delete("/links/" + alias, alice).status()).isEqualTo(204);
      assertThat(page.awaitFrame("unsubscribed").path("reason").asText()).isEqualTo("link_deleted");
      await().atMost(Duration.ofSeconds(60)).until(() -> subscriptionItems(alias).isEmpty());
    }
  }

  @Test
  void aConnectionWhoseTokenExpiredStopsReceivingAndIsClosed() throws Exception {
    String alias = "exp-" + UUID.randomUUID().toString().substring(0, 8);
    String owner = "owner-" + alias;
    create(stack.token(owner), alias);
    Instant expiry = Instant.now().plusSeconds(4);
    String shortLived = stack.stack().issuer().mint(owner, Duration.between(Instant.now(), expiry));
    try (LiveClient page = connect(shortLived)) {
      page.send("subscribe", alias);
      page.awaitFrame("subscribed");
      await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));

      click(alias);
      assertThat(page.closed.get(60, TimeUnit.SECONDS)).as("the server closed the connection").isNotNull();
      assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
      assertThat(page.pushes()).as("no push after the token expired").isEmpty();
      assertThat(subscriptionItems(alias)).isEmpty();
    }
  }
}
