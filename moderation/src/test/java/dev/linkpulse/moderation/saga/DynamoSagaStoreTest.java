package dev.linkpulse.moderation.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every step repeated as Step Functions may repeat it (a retry after a lost response, a duplicate start): the quota
 * counts one reservation and one release per execution, and a link moves once, only from an undecided status.
 */
class DynamoSagaStoreTest {
  static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  static SagaTable table;
  static SagaStore store;
  static LinkStore links;

  @BeforeAll
  static void start() throws Exception {
    table = new SagaTable();
    store = new DynamoSagaStore(table.dynamo, table.name, Clock.fixed(T, ZoneOffset.UTC));
    links = LinkStore.dynamoDb(table.dynamo, table.name);
  }

  @AfterAll
  static void stop() {
    table.close();
  }

  private static String owner() {
    return "owner-" + UUID.randomUUID();
  }

  private static long quotaUsed(String owner) {
    return table.quotaUsed(owner, LocalDate.of(2026, 12, 1));
  }

  private static SagaLink pendingLink(String owner) {
    String code = "c" + UUID.randomUUID().toString().substring(0, 8);
    links.putIfAbsent(new Link(code, "inc0001", "https://example.com/", owner, 302, T, null, Link.Status.PENDING));
    return new SagaLink(code, "inc0001", owner, "https://example.com/", T.toString());
  }

  @Test
  void reserveRepeatedForOneExecutionTakesOneLink() {
    String owner = owner();
    LocalDate day = LocalDate.of(2026, 12, 1);
    for (int i = 0; i < 3; i++) assertThat(store.reserve("exec-1", owner, day, 5)).isEqualTo(SagaStore.Reservation.RESERVED);
    assertThat(quotaUsed(owner)).isEqualTo(1);
  }

  @Test
  void theQuotaStopsAtItsLimitAndARepeatAnswersTheSame() {
    String owner = owner();
    LocalDate day = LocalDate.of(2026, 12, 1);
    assertThat(store.reserve("a", owner, day, 2)).isEqualTo(SagaStore.Reservation.RESERVED);
    assertThat(store.reserve("b", owner, day, 2)).isEqualTo(SagaStore.Reservation.RESERVED);
    assertThat(store.reserve("c", owner, day, 2)).isEqualTo(SagaStore.Reservation.QUOTA_EXCEEDED);
    store.release("a", owner, day);
    // c's outcome is recorded: its retry answers as it did, though a link has come free since.
    assertThat(store.reserve("c", owner, day, 2)).isEqualTo(SagaStore.Reservation.QUOTA_EXCEEDED);
    assertThat(quotaUsed(owner)).isEqualTo(1);
  }

  @Test
  void releaseRepeatedGivesBackOnce_andAnExecutionThatReservedNothingReleasesNothing() {
    String owner = owner();
    LocalDate day = LocalDate.of(2026, 12, 1);
    store.reserve("x", owner, day, 5);
    store.reserve("y", owner, day, 5);
    assertThat(store.release("x", owner, day)).isTrue();
    assertThat(store.release("x", owner, day)).isTrue();
    assertThat(store.release("never-reserved", owner, day)).isFalse();
    assertThat(quotaUsed(owner)).isEqualTo(1);
  }

  @Test
  void aTransitionAppliesOnce_aLaterOneFromTheOldStatusIsStale() {
    SagaLink link = pendingLink(owner());
    assertThat(store.transition("e", "activate", link, Set.of(Link.Status.PENDING), Link.Status.ACTIVE, null, null)).isEqualTo(SagaStore.Transition.APPLIED);
    assertThat(store.transition("e", "activate", link, Set.of(Link.Status.PENDING), Link.Status.ACTIVE, null, null)).isEqualTo(SagaStore.Transition.APPLIED);
    assertThat(store.transition("e", "reject", link, Set.of(Link.Status.PENDING), Link.Status.REJECTED, "late", null)).isEqualTo(SagaStore.Transition.STALE);
    assertThat(links.find(link.code()).orElseThrow().status()).isEqualTo(Link.Status.ACTIVE);
  }

  @Test
  void reviewKeepsTheTokenAndTheReason_theDecisionClearsTheToken() {
    SagaLink link = pendingLink(owner());
    store.transition("r", "review", link, Set.of(Link.Status.PENDING), Link.Status.IN_REVIEW, "the target is a bare IP address",
        new SagaStore.Review("token-1", null));
    var item = table.dynamo.getItem(r -> r.tableName(table.name).key(Keys.link(link.code()))).item();
    assertThat(item.get("reviewToken").s()).isEqualTo("token-1");
    assertThat(item.get("reason").s()).isEqualTo("the target is a bare IP address");
    store.transition("r", "reject", link, Set.of(Link.Status.PENDING, Link.Status.IN_REVIEW), Link.Status.REJECTED, "rejected by a reviewer", null);
    Link rejected = links.find(link.code()).orElseThrow();
    assertThat(rejected.status()).isEqualTo(Link.Status.REJECTED);
    assertThat(rejected.reason()).isEqualTo("rejected by a reviewer");
    assertThat(table.dynamo.getItem(r -> r.tableName(table.name).key(Keys.link(link.code()))).item()).doesNotContainKey("reviewToken");
  }

  @Test
  void reviewPutsTheLinkOnTheReviewQueueIndexOnce_sinceItsStart_andAnyDecisionTakesItOff() {
    SagaLink link = pendingLink(owner());
    Instant began = T.minusSeconds(90);
    for (int i = 0; i < 2; i++) {
      store.transition("q", "review", link, Set.of(Link.Status.PENDING), Link.Status.IN_REVIEW, "suspicious", new SagaStore.Review("token-q", began));
    }
    assertThat(reviewQueueEntriesOf(link.code())).containsExactly(Keys.reviewSort(began, link.code()));
    var item = table.dynamo.getItem(r -> r.tableName(table.name).key(Keys.link(link.code()))).item();
    assertThat(item.get("reviewSince").s()).isEqualTo(began.toString());
    store.transition("q", "activate", link, Set.of(Link.Status.PENDING, Link.Status.IN_REVIEW), Link.Status.ACTIVE, null, null);
    assertThat(reviewQueueEntriesOf(link.code())).isEmpty();
    assertThat(table.dynamo.getItem(r -> r.tableName(table.name).key(Keys.link(link.code()))).item())
        .doesNotContainKeys(Keys.REVIEW_PK, Keys.REVIEW_SK, "reviewToken");
  }

  private static java.util.List<String> reviewQueueEntriesOf(String code) {
    return table.dynamo.query(r -> r.tableName(table.name).indexName(Keys.REVIEW_INDEX).keyConditionExpression("#q = :q")
            .expressionAttributeNames(java.util.Map.of("#q", Keys.REVIEW_PK))
            .expressionAttributeValues(java.util.Map.of(":q", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.REVIEW_PARTITION))))
        .items().stream().map(i -> i.get(Keys.REVIEW_SK).s()).filter(sk -> sk.endsWith("#" + code)).toList();
  }

  @Test
  void anotherLifeOfTheCodeIsNotTouched() {
    SagaLink link = pendingLink(owner());
    SagaLink earlierLife = new SagaLink(link.code(), "old0001", link.owner(), link.target(), link.createdAt());
    assertThat(store.transition("old", "reject", earlierLife, Set.of(Link.Status.PENDING), Link.Status.REJECTED, "x", null))
        .isEqualTo(SagaStore.Transition.STALE);
    assertThat(links.find(link.code()).orElseThrow().status()).isEqualTo(Link.Status.PENDING);
  }
}
