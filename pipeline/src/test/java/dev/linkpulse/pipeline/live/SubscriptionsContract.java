package dev.linkpulse.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.fixtures.MovableClock;
import dev.linkpulse.pipeline.TestClicks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link Subscriptions} must do, run against the DynamoDB adapter and against the in-memory model. */
abstract class SubscriptionsContract {
  final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));

  abstract Subscriptions subscriptions();

  private Instant inTwoHours() {
    return clock.instant().plus(Duration.ofHours(2));
  }

  @Test
  void subscribe_makesTheConnectionASubscriber_andTheLinkWatched() {
    String code = TestClicks.code("sub");
    subscriptions().subscribe(code, new Subscriber("c1", "alice", "", inTwoHours()), inTwoHours());
    subscriptions().subscribe(code, new Subscriber("c2", "alice", "", inTwoHours()), inTwoHours());
    assertThat(InMemorySubscriptions.connectionIds(subscriptions().subscribers(code))).containsExactlyInAnyOrder("c1", "c2");
    assertThat(subscriptions().liveCodes()).contains(code);
    assertThat(InMemorySubscriptions.connectionIds(subscriptions().subscribers(code + "x"))).isEmpty();
  }

  @Test
  void subscribers_leaveOutLapsedSubscriptions_andSubscribingAgainRenews() {
    String code = TestClicks.code("lapse");
    subscriptions().subscribe(code, new Subscriber("c1", "alice", "", inTwoHours()), inTwoHours());
    subscriptions().subscribe(code, new Subscriber("c2", "alice", "", clock.instant().plus(Duration.ofMinutes(30))), clock.instant().plus(Duration.ofMinutes(30)));
    clock.advance(Duration.ofMinutes(31));
    assertThat(InMemorySubscriptions.connectionIds(subscriptions().subscribers(code))).containsExactly("c1");
    subscriptions().subscribe(code, new Subscriber("c1", "alice", "", inTwoHours()), inTwoHours());
    clock.advance(Duration.ofMinutes(100));
    assertThat(InMemorySubscriptions.connectionIds(subscriptions().subscribers(code))).containsExactly("c1");
  }

  @Test
  void unsubscribe_ofTheLastSubscriber_stopsWatchingTheLink() {
    String code = TestClicks.code("unsub");
    subscriptions().subscribe(code, new Subscriber("c1", "alice", "", inTwoHours()), inTwoHours());
    subscriptions().subscribe(code, new Subscriber("c2", "alice", "", inTwoHours()), inTwoHours());
    subscriptions().unsubscribe(code, "c1");
    assertThat(InMemorySubscriptions.connectionIds(subscriptions().subscribers(code))).containsExactly("c2");
    assertThat(subscriptions().liveCodes()).contains(code);
    subscriptions().unsubscribe(code, "c2");
    assertThat(InMemorySubscriptions.connectionIds(subscriptions().subscribers(code))).isEmpty();
    assertThat(subscriptions().liveCodes()).doesNotContain(code);
  }

  @Test
  void disconnect_removesEverySubscriptionOfTheConnection_andNoOther() {
    String a = TestClicks.code("a");
    String b = TestClicks.code("b");
    String connection = "conn-" + a;
    subscriptions().subscribe(a, new Subscriber(connection, "alice", "", inTwoHours()), inTwoHours());
    subscriptions().subscribe(b, new Subscriber(connection, "alice", "", inTwoHours()), inTwoHours());
    subscriptions().subscribe(b, new Subscriber("other-" + b, "bob", "", inTwoHours()), inTwoHours());
    subscriptions().disconnect(connection);
    assertThat(InMemorySubscriptions.connectionIds(subscriptions().subscribers(a))).isEmpty();
    assertThat(InMemorySubscriptions.connectionIds(subscriptions().subscribers(b))).containsExactly("other-" + b);
    assertThat(subscriptions().liveCodes()).doesNotContain(a).contains(b);
  }
}
