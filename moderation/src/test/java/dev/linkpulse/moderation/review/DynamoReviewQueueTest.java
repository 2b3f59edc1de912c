package dev.linkpulse.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.moderation.saga.DynamoSagaStore;
import dev.linkpulse.moderation.saga.SagaLink;
import dev.linkpulse.moderation.saga.SagaStore;
import dev.linkpulse.moderation.saga.SagaTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review queue as the saga store leaves it on the table's index (the emulators' DynamoDB engine): the oldest
 * link in review, whatever the order they went in, the next one once it is decided, nothing once all are.
 */
class DynamoReviewQueueTest {
  static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  static SagaTable table;
  static SagaStore store;
  static LinkStore links;
  static ReviewQueue queue;

  @BeforeAll
  static void start() throws Exception {
    table = new SagaTable();
    store = new DynamoSagaStore(table.dynamo(), table.name(), Clock.fixed(T, ZoneOffset.UTC));
    links = LinkStore.dynamoDb(table.dynamo(), table.name());
    queue = new DynamoReviewQueue(table.dynamo(), table.name());
  }

  @AfterAll
  static void stop() {
    table.close();
  }

  private static SagaLink review(String code, Instant since) {
    links.putIfAbsent(new Link(code, "inc0001", "https://example.com/", "owner", 302, T, null, Link.Status.PENDING));
    SagaLink link = new SagaLink(code, "inc0001", "owner", "https://example.com/", T.toString());
    store.transition("exec-" + code, "review", link, Set.of(Link.Status.PENDING), Link.Status.IN_REVIEW, "suspicious",
        new SagaStore.Review("token-" + code, since));
    return link;
  }

  private static void decide(SagaLink link, Link.Status to) {
    store.transition("exec-" + link.code(), to.name(), link, Set.of(Link.Status.IN_REVIEW), to, to == Link.Status.REJECTED ? "no" : null, null);
  }

  @Test
  void theOldestLinkInReviewIsFirst_thenTheNextOnceItIsDecided_thenNone() {
    assertThat(queue.oldest()).isEmpty();
    SagaLink middle = review("middle", T.minusSeconds(600));
    // The same second as the oldest but half of it later: fixed-width keys keep them in order.
    SagaLink oldest = review("oldest", T.minusSeconds(3600));
    SagaLink newest = review("newest", T.minusSeconds(3600).plusMillis(500));
    assertThat(queue.oldest()).contains(new ReviewQueue.Waiting("oldest", T.minusSeconds(3600)));

    decide(oldest, Link.Status.ACTIVE);
    assertThat(queue.oldest()).contains(new ReviewQueue.Waiting("newest", T.minusSeconds(3600).plusMillis(500)));
    decide(newest, Link.Status.REJECTED);
    assertThat(queue.oldest()).contains(new ReviewQueue.Waiting("middle", T.minusSeconds(600)));
    table.dynamo().deleteItem(r -> r.tableName(table.name()).key(Keys.link(middle.code())));
    assertThat(queue.oldest()).as("a deleted link leaves the queue with its item").isEmpty();
  }

  @Test
  void aReviewWithoutAGivenStartBeganAtTheStoresClock() {
    SagaLink link = review("clocked", null);
    assertThat(queue.oldest()).contains(new ReviewQueue.Waiting("clocked", T));
    decide(link, Link.Status.ACTIVE);
    assertThat(queue.oldest()).isEmpty();
  }
}
