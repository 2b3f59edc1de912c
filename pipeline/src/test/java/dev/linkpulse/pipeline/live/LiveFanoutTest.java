package dev.linkpulse.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.fixtures.InMemoryLinkStore;
import dev.linkpulse.fixtures.MovableClock;
import dev.linkpulse.pipeline.TestClicks;
import dev.linkpulse.pipeline.clicks.StreamClick;
import dev.linkpulse.pipeline.counters.CounterAggregator;
import dev.linkpulse.pipeline.counters.CounterUpdate;
import dev.linkpulse.pipeline.counters.InMemoryCounterStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pushing a batch's counter updates to the links' subscribers, on the in-memory subscriptions and connections. */
class LiveFanoutTest {
  static final Instant TEN = Instant.parse("2026-03-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(TEN.plusSeconds(7200));
  private final InMemorySubscriptions subscriptions = new InMemorySubscriptions(clock);
  private final RecordingConnections connections = new RecordingConnections();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final InMemoryLinkStore links = new InMemoryLinkStore();
  private final LiveFanout fanout = new LiveFanout(subscriptions, connections, links, pool, clock);
  private final InMemoryCounterStore counters = new InMemoryCounterStore();
  private long sequence;

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** The counter updates the aggregator reports for these clicks of a legacy link (humans unless {@code bots} says so). */
  private List<CounterUpdate> counted(String code, Instant time, int humans, int bots) {
    return counted(LinkLife.legacy(code), time, humans, bots);
  }

  private List<CounterUpdate> counted(LinkLife life, Instant time, int humans, int bots) {
    List<StreamClick> batch = new ArrayList<>();
    for (int i = 0; i < humans + bots; i++) {
      batch.add(TestClicks.streamed(++sequence, i % 3, TestClicks.raw(life, time.plusSeconds(i), "visitor-" + i, i % 2 == 0 ? "DE" : "US", i >= humans)));
    }
    return new CounterAggregator(counters).aggregate(batch).written();
  }

  /** Alice watches her link {@code code} (a legacy life, as the clicks {@link #counted} makes belong to). */
  private void watch(String code, String connectionId) {
    links.putIfAbsent(new Link(code, "", "https://example.com", "alice", 302, TEN, null, Link.Status.ACTIVE));
    Instant inTwoHours = clock.instant().plus(Duration.ofHours(2));
    subscriptions.subscribe(code, new Subscriber(connectionId, "alice", "", inTwoHours), inTwoHours);
  }

  @Test
  void push_onePushPerWatchedLink_withTheLatestHourAndTheBatchDelta() throws Exception {
    String watched = TestClicks.code("w");
    String unwatched = TestClicks.code("u");
    watch(watched, "c1");
    watch(watched, "c2");
    List<CounterUpdate> updates = new ArrayList<>(counted(watched, TEN, 3, 1));
    updates.addAll(counted(watched, TEN.plusSeconds(3600), 2, 0));
    updates.addAll(counted(unwatched, TEN, 5, 0));

    LiveFanout.Outcome outcome = fanout.push(updates);
    assertThat(outcome).isEqualTo(new LiveFanout.Outcome(2, 0, 0, 0, 0));
    assertThat(connections.frames("c1")).hasSize(1).isEqualTo(connections.frames("c2"));
    JsonNode frame = Json.tree(connections.frames("c1").get(0));
    assertThat(frame.path("type").asText()).isEqualTo("clicks");
    assertThat(frame.path("code").asText()).isEqualTo(watched);
    assertThat(frame.path("hour").asText()).isEqualTo(TEN.plusSeconds(3600).toString());
    assertThat(frame.path("total").asLong()).as("the latest hour's counter").isEqualTo(2);
    assertThat(frame.at("/delta/total").asLong()).as("what this batch added, over both hours").isEqualTo(6);
    assertThat(frame.at("/delta/human").asLong()).isEqualTo(5);
    assertThat(frame.at("/delta/bot").asLong()).isEqualTo(1);
    assertThat(frame.path("minutes")).hasSize(2);
    assertThat(frame.at("/top/countries/0/value").asText()).isEqualTo("DE");
    assertThat(frame.path("at").asText()).isEqualTo(clock.instant().toString());
  }

  @Test
  void push_toAGoneConnection_removesItsSubscriptions() {
    String code = TestClicks.code("gone");
    watch(code, "c1");
    watch(code, "c2");
    connections.goAway("c1");
    LiveFanout.Outcome outcome = fanout.push(counted(code, TEN, 1, 0));
    assertThat(outcome).isEqualTo(new LiveFanout.Outcome(1, 1, 0, 0, 0));
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).containsExactly("c2");
  }

  @Test
  void push_thatFailsOnce_isRetried_andOneThatFailsTwice_isCounted() {
    String code = TestClicks.code("retry");
    watch(code, "c1");
    watch(code, "c2");
    connections.failNext("c1", 1);
    connections.failNext("c2", 2);
    LiveFanout.Outcome outcome = fanout.push(counted(code, TEN, 1, 0));
    assertThat(outcome).isEqualTo(new LiveFanout.Outcome(1, 0, 1, 0, 0));
    assertThat(connections.frames("c1")).hasSize(1);
    assertThat(connections.attempts("c1")).isEqualTo(2);
    assertThat(connections.attempts("c2")).isEqualTo(2);
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).as("a failing connection is not a gone one").contains("c2");
  }

  @Test
  void push_whenTheSubscriptionsCannotBeRead_skipsThePushes_andThrowsNothing() {
    String code = TestClicks.code("down");
    watch(code, "c1");
    subscriptions.failReads(true);
    assertThat(fanout.push(counted(code, TEN, 1, 0))).isEqualTo(new LiveFanout.Outcome(0, 0, 1, 0, 0));
    assertThat(connections.attempts("c1")).isZero();
  }

  @Test
  void push_ofABatchThatCountedNothing_sendsNothing() {
    String code = TestClicks.code("none");
    watch(code, "c1");
    assertThat(fanout.push(List.of())).isEqualTo(new LiveFanout.Outcome(0, 0, 0, 0, 0));
    assertThat(connections.attempts("c1")).isZero();
  }

  private void subscribe(String code, String connectionId, String owner, String incarnation, Instant tokenExpiresAt) {
    subscriptions.subscribe(code, new Subscriber(connectionId, owner, incarnation, tokenExpiresAt), clock.instant().plus(Duration.ofHours(2)));
  }

  private List<JsonNode> framesOf(String connectionId) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String f : connections.frames(connectionId)) out.add(Json.tree(f));
    return out;
  }

  /** Defect 2 of issue 11: Alice deleted her link, Bob re-created its code; Alice's open page must not get his clicks. */
  @Test
  void push_ofANewLifeOfACode_neverReachesASubscriberOfTheOldOne_whoseSubscriptionEnds() throws Exception {
    String code = TestClicks.code("reuse");
    LinkLife alices = new LinkLife(code, "AAAAAAA");
    LinkLife bobs = new LinkLife(code, "BBBBBBB");
    Instant later = clock.instant().plus(Duration.ofHours(1));
    subscribe(code, "alice-page", "alice", alices.incarnation(), later);
    links.putIfAbsent(new Link(code, bobs.incarnation(), "https://bob.example", "bob", 302, TEN, null, Link.Status.ACTIVE));
    subscribe(code, "bob-page", "bob", bobs.incarnation(), later);

    // One batch with a click of Alice's life still in flight and three of Bob's.
    List<CounterUpdate> updates = new ArrayList<>(counted(alices, TEN, 1, 0));
    updates.addAll(counted(bobs, TEN, 3, 0));
    LiveFanout.Outcome outcome = fanout.push(updates);

    assertThat(outcome).isEqualTo(new LiveFanout.Outcome(1, 0, 0, 1, 0));
    assertThat(framesOf("alice-page")).extracting(f -> f.path("type").asText()).containsExactly("unsubscribed");
    assertThat(framesOf("alice-page").get(0).path("reason").asText()).isEqualTo("link_deleted");
    assertThat(framesOf("bob-page")).hasSize(1);
    assertThat(framesOf("bob-page").get(0).at("/delta/total").asLong()).as("only Bob's life's clicks").isEqualTo(3);
    assertThat(framesOf("bob-page").get(0).path("total").asLong()).isEqualTo(3);
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).containsExactly("bob-page");
  }

  @Test
  void linkDeleted_endsEverySubscriptionOfTheLifeThatEnded_andNoneOfTheNext() throws Exception {
    String code = TestClicks.code("deleted");
    Instant later = clock.instant().plus(Duration.ofHours(1));
    subscribe(code, "old-page", "alice", "AAAAAAA", later);
    assertThat(fanout.linkDeleted(code)).isEqualTo(new LiveFanout.Outcome(0, 0, 0, 1, 0));
    assertThat(framesOf("old-page")).extracting(f -> f.path("type").asText()).containsExactly("unsubscribed");
    assertThat(subscriptions.subscribers(code)).isEmpty();

    links.putIfAbsent(new Link(code, "BBBBBBB", "https://example.com", "alice", 302, TEN, null, Link.Status.ACTIVE));
    subscribe(code, "new-page", "alice", "BBBBBBB", later);
    assertThat(fanout.linkDeleted(code)).as("a late REMOVE of the old life ends nothing of the new one").isEqualTo(LiveFanout.Outcome.NONE);
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).containsExactly("new-page");
  }

  @Test
  void push_toAConnectionWhoseTokenExpired_closesIt_andPushesNothing() {
    String code = TestClicks.code("expired");
    links.putIfAbsent(new Link(code, "", "https://example.com", "alice", 302, TEN, null, Link.Status.ACTIVE));
    subscribe(code, "expiring", "alice", "", clock.instant().plusSeconds(60));
    subscribe(code, "fresh", "alice", "", clock.instant().plusSeconds(3600));
    clock.advance(Duration.ofSeconds(60));
    LiveFanout.Outcome outcome = fanout.push(counted(code, TEN, 2, 0));
    assertThat(outcome).isEqualTo(new LiveFanout.Outcome(1, 0, 0, 0, 1));
    assertThat(connections.closedByServer("expiring")).isTrue();
    assertThat(connections.frames("expiring")).isEmpty();
    assertThat(connections.frames("fresh")).hasSize(1);
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).containsExactly("fresh");
  }

  @Test
  void push_whenTheLinkCannotBeRead_pushesNothingToAnyone() {
    String code = TestClicks.code("unreadable");
    watch(code, "c1");
    links.failReads(true);
    assertThat(fanout.push(counted(code, TEN, 1, 0))).isEqualTo(new LiveFanout.Outcome(0, 0, 1, 0, 0));
    assertThat(connections.attempts("c1")).isZero();
    assertThat(InMemorySubscriptions.connectionIds(subscriptions.subscribers(code))).containsExactly("c1");
  }
}
